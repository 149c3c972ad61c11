using System.Net.Http.Json;
using Microsoft.Playwright;

namespace LabelErrors.E2E;

/// <summary>Visitors' votes in the browser: the "disputed" badge on the gallery cards and AudioSet's labels heard.</summary>
[Collection(ReviewSiteCollection.Name)]
public sealed class VisitorVoteE2ETests(ReviewSiteFixture site)
{
    [Fact]
    public async Task Visitors_outvoting_the_consensus_make_the_card_show_a_readable_disputed_badge_in_dark_mode()
    {
        // CIFAR-10 #360 is "correctable" in the seed and among the first cards (lowest label quality first).
        foreach (var browser in new[] { "e2e-disputer-1", "e2e-disputer-2" })
        {
            var response = await site.Http.PostAsJsonAsync("/api/v1/datasets/cifar10/examples/360/votes", new { browserId = browser, answer = "given" });
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }
        var context = await site.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var errors = new List<string>();
        var page = await BrowserPages.OpenAsync(context, $"{site.BaseUrl}/d/cifar10/360", errors);
        await Assertions.Expect(page.Locator("#disputed-badge")).ToHaveCountAsync(0);
        await page.Locator("#vote-given").ClickAsync();
        await Assertions.Expect(page.Locator("#disputed-badge")).ToBeVisibleAsync();

        await page.ClickAsync("#dark-mode-toggle");
        await page.WaitForFunctionAsync("() => localStorage.getItem('labelerrors-theme') === 'dark'");
        await page.GotoAsync($"{site.BaseUrl}/d/cifar10", new() { WaitUntil = WaitUntilState.Load });
        await BrowserPages.WaitInteractiveAsync(page);
        await page.WaitForFunctionAsync("() => getComputedStyle(document.body).backgroundColor !== 'rgb(245, 246, 250)'");

        var card = page.Locator(".example-card").Filter(new() { Has = page.Locator("a[href^='/d/cifar10/360']") });
        var badge = card.Locator(".disputed-badge");
        await Assertions.Expect(badge).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(badge).ToContainTextAsync("Disputed");
        await Assertions.Expect(badge).ToContainTextAsync("most visitors disagree with the Mechanical Turk consensus");
        await Assertions.Expect(card.Locator("a.example-link")).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("disputed by visitors$"));
        // Only the disputed example carries the badge.
        Assert.Equal(1, await page.Locator(".disputed-badge").CountAsync());

        await card.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath("gallery-disputed-badge-dark"), FullPage = true });
        var violations = await BrowserPages.SeriousAccessibilityViolationsAsync(page);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
        Assert.Empty(errors);
        await context.CloseAsync();
    }

    [Fact]
    public async Task An_AudioSet_visitor_marks_the_labels_heard_and_sees_the_tally_per_label_beside_the_workers()
    {
        var context = await site.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await BrowserPages.OpenAsync(context, $"{site.BaseUrl}/d/audioset/2");
        var rows = page.Locator("#visitor-tally tr");
        await Assertions.Expect(rows).ToHaveCountAsync(3, new() { Timeout = 20_000 });
        // The seeded workers' votes: Cheering 4, Crowd 3, Speech 4.
        await Assertions.Expect(page.Locator("#visitor-tally tr[data-label='Crowd'] td").Nth(1)).ToHaveTextAsync("3");
        await Assertions.Expect(page.Locator("#vote-given")).ToHaveCountAsync(0);

        await page.GetByLabel("Cheering (given)").CheckAsync();
        await page.GetByLabel("Speech (guessed)").CheckAsync();
        await page.Locator("#vote-heard_labels").ClickAsync();
        await Assertions.Expect(page.Locator("#vote-status")).ToContainTextAsync("your vote is counted");
        await Assertions.Expect(page.Locator("#visitor-tally tr[data-label='Cheering'] .visitor-count")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("#visitor-tally tr[data-label='Crowd'] .visitor-count")).ToHaveTextAsync("0");
        await Assertions.Expect(page.Locator("#visitor-tally tr[data-label='Speech'] .visitor-count")).ToHaveTextAsync("1");

        // The browser's own answer comes back after a reload, boxes ticked.
        await page.ReloadAsync();
        await BrowserPages.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByLabel("Speech (guessed)")).ToBeCheckedAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(page.GetByLabel("Crowd (given)")).Not.ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("#vote-heard_labels")).ToHaveTextAsync("Change my answer");
        await page.ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath("visitor-vote-audioset"), FullPage = true });
        var violations = await BrowserPages.SeriousAccessibilityViolationsAsync(page);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
        await context.CloseAsync();
    }
}
