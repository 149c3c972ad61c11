using LabelErrors.Core.Formats;
using LabelErrors.Tests.Shared;
using Microsoft.Playwright;

namespace LabelErrors.E2E;

[Collection(ReviewSiteCollection.Name)]
public sealed class ReviewE2ETests(ReviewSiteFixture site)
{
    [Fact]
    public async Task A_full_review_with_hotkeys_only_survives_a_reload_and_the_downloaded_labels_carry_every_decision()
    {
        using var data = new SyntheticUpload(examples: 150, classes: 4, seed: 21, flipFraction: 0.1);
        var (token, ownerKey) = await UploadAsync(data);

        var context = await site.Browser.NewContextAsync(new() { AcceptDownloads = true, ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);

        // The owner key travels in the fragment (never sent to the server); the page remembers it for reloads.
        await page.GotoAsync($"{site.BaseUrl}/u/{token}/review#key={ownerKey}");
        await Assertions.Expect(page.Locator("#review-content")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        var flagged = int.Parse((await page.Locator("#progress").GetAttributeAsync("data-flagged"))!);
        Assert.True(flagged >= 6, $"the synthetic upload should have a few flagged examples, got {flagged}");

        // What the export must contain, worked out from the uploaded labels and the keys pressed.
        var expected = data.Labels.Select(l => (long?)l).ToArray();
        var decided = 0;
        var keys = new[] { "w", "q", "e", "n", "2" };
        for (var step = 0; decided < flagged; step++)
        {
            if (step == 3)
            {
                await page.ReloadAsync();
                await Assertions.Expect(page.Locator("#progress")).ToHaveAttributeAsync("data-decided", decided.ToString(), new() { Timeout = 20_000 });
                await Assertions.Expect(page.Locator("#review-content")).ToBeVisibleAsync();
            }
            var index = int.Parse((await page.Locator("#review-content").GetAttributeAsync("data-index"))!);
            Assert.Equal("undecided", (await page.Locator("#current-decision").TextContentAsync())?.Trim());
            var given = (int)data.Labels[index];
            var key = keys[step % keys.Length];
            switch (key)
            {
                case "w":
                    var suggestedName = (await page.Locator("#suggested-label").TextContentAsync())!.Trim().Split(' ')[0];
                    expected[index] = int.Parse(suggestedName);
                    break;
                case "e":
                    expected[index] = null;
                    break;
                case "2":
                    expected[index] = int.Parse((await page.Locator("button.ranked-class[data-rank='2']").GetAttributeAsync("data-label"))!);
                    break;
                default:
                    expected[index] = given;
                    break;
            }
            await page.Keyboard.PressAsync(key == "2" ? "Digit2" : $"Key{key.ToUpperInvariant()}");
            decided++;
            await Assertions.Expect(page.Locator("#progress")).ToHaveAttributeAsync("data-decided", decided.ToString());

            if (step == 1)
            {
                // Z takes the last decision back and shows that example again; deciding it anew keeps the count.
                await page.Keyboard.PressAsync("KeyZ");
                decided--;
                await Assertions.Expect(page.Locator("#progress")).ToHaveAttributeAsync("data-decided", decided.ToString());
                await Assertions.Expect(page.Locator("#review-content")).ToHaveAttributeAsync("data-index", index.ToString());
                expected[index] = null;
                await page.Keyboard.PressAsync("KeyE");
                decided++;
                await Assertions.Expect(page.Locator("#progress")).ToHaveAttributeAsync("data-decided", decided.ToString());
            }
        }
        await Assertions.Expect(page.Locator("#progress-text")).ToContainTextAsync($"{flagged} of {flagged} flagged examples decided");
        await page.ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath("review-done"), FullPage = true });

        // Export: CSV with excluded examples marked, through the page's download link.
        await page.SelectOptionAsync("#export-format", "Csv");
        await page.SelectOptionAsync("#export-excluded", "Mark");
        await Assertions.Expect(page.Locator("#download-cleaned")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("format=csv&excluded=mark"));
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#download-cleaned").ClickAsync());
        var path = Path.Combine(Path.GetTempPath(), $"le-review-{Guid.NewGuid():N}.csv");
        await download.SaveAsAsync(path);
        try
        {
            var labels = LabelsCsv.Read(path).Labels;
            Assert.Equal(expected.Select(l => (int)(l ?? -1)).ToArray(), labels);
            Assert.Contains(-1, labels);
        }
        finally
        {
            File.Delete(path);
        }
        Assert.Empty(errors);
        await context.CloseAsync();
    }

    [Fact]
    public async Task A_visitor_vote_appears_on_the_permalink_and_stays_after_a_reload()
    {
        var context = await site.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{site.BaseUrl}/d/cifar10/30");
        var visitors = page.Locator("#visitor-tally tr[data-answer='neither'] .visitor-count");
        await Assertions.Expect(visitors).ToHaveTextAsync("0", new() { Timeout = 20_000 });

        await page.Locator("#vote-neither").ClickAsync();
        await Assertions.Expect(visitors).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("#vote-status")).ToContainTextAsync("your vote is counted");

        await page.ReloadAsync();
        await Assertions.Expect(visitors).ToHaveTextAsync("1", new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("#vote-neither")).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(page.Locator("#visitor-total")).ToContainTextAsync("1 visitor answered");
        await page.ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath("visitor-vote"), FullPage = true });
        await context.CloseAsync();
    }

    private Task<(string Token, string OwnerKey)> UploadAsync(SyntheticUpload data) => site.Site.UploadAsync(data, "review e2e");
}
