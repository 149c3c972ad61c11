using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LabelErrors.E2E;

/// <summary>A visitor's vote clicked on the permalink before its vote island is interactive is kept and sent once it is.</summary>
[Collection(ReviewSiteCollection.Name)]
public sealed class EarlyVoteE2ETests(ReviewSiteFixture site)
{
    [Fact]
    public async Task A_vote_clicked_before_the_circuit_connects_is_sent_when_it_does()
    {
        var context = await site.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        // The circuit connects only when the test says so: the click certainly comes first.
        var circuit = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync("**/_blazor/**", async route =>
        {
            await circuit.Task;
            await route.ContinueAsync();
        });
        // CIFAR-10 #330: no other test votes on it.
        await page.GotoAsync($"{site.BaseUrl}/d/cifar10/330", new() { WaitUntil = WaitUntilState.Commit });
        var neither = page.Locator("#vote-neither");
        await Expect(neither).ToBeEnabledAsync();
        await Expect(page.Locator("#visitor-votes")).Not.ToHaveAttributeAsync("data-ready", "true");
        await page.ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath("early-vote-before-circuit"), FullPage = true });
        await neither.ClickAsync();

        circuit.SetResult();
        await Expect(page.Locator("#vote-status")).ToContainTextAsync("your vote is counted", new() { Timeout = 30_000 });
        await Expect(page.Locator("#visitor-tally tr[data-answer='neither'] .visitor-count")).ToHaveTextAsync("1");
        await Expect(neither).ToHaveAttributeAsync("aria-pressed", "true");
        await context.CloseAsync();
    }
}
