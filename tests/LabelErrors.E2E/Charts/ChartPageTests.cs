using Microsoft.Playwright;

namespace LabelErrors.E2E.Charts;

[Collection(ImportedSiteCollection.Name)]
public sealed class ChartPageTests(ImportedSiteFixture site)
{
    [Fact]
    public async Task Table1_error_rates_chart_renders()
    {
        var page = await site.OpenAsync("/charts");
        var chart = page.Locator("[data-testid=table1-chart]");
        await Assertions.Expect(chart.Locator("svg").First).ToBeVisibleAsync();
        await Assertions.Expect(chart.Locator(".chart-values")).ToContainTextAsync("MNIST");
        await page.Locator("#chart-table1").ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath("chart-table1") });
        await page.CloseAsync();
    }

    [Fact]
    public async Task Mnist_heatmap_noise_bars_and_agreement_histogram_render()
    {
        var page = await site.OpenAsync("/charts/mnist");
        var cells = page.Locator("[data-testid=confusion-heatmap] a.heatmap-cell");
        await Assertions.Expect(cells).ToHaveCountAsync(100);
        await Assertions.Expect(page.Locator("#chart-heatmap h2")).ToHaveTextAsync("Confident joint");
        await Assertions.Expect(page.Locator("[data-testid=noise-chart] svg").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=agreement-chart] .chart-values")).ToContainTextAsync("5+");

        await page.Locator("#chart-heatmap").ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath("chart-heatmap-mnist") });
        await page.Locator("#chart-noise").ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath("chart-noise-mnist") });
        await page.Locator("#chart-agreement").ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath("chart-agreement-mnist") });
        await page.CloseAsync();
    }

    [Fact]
    public async Task Hovering_a_cell_shows_its_count_and_clicking_it_opens_the_gallery_filtered_to_that_pair()
    {
        var page = await site.OpenAsync("/charts/mnist");
        // The heatmap renders once its counts are loaded, possibly after the page itself.
        await Assertions.Expect(page.Locator("a.heatmap-cell").First).ToBeVisibleAsync();
        // The largest off-diagonal cell: the likeliest confusion.
        var best = await page.EvaluateAsync<int[]>(@"() => {
            let best = null;
            for (const a of document.querySelectorAll('a.heatmap-cell')) {
                const g = +a.dataset.given, q = +a.dataset.guessed, n = +a.dataset.count;
                if (g !== q && (best === null || n > best[2])) best = [g, q, n];
            }
            return best;
        }");
        var (given, guessed) = (best[0], best[1]);
        var cell = page.Locator($"a.heatmap-cell[data-given='{given}'][data-guessed='{guessed}']");
        await Assertions.Expect(cell.Locator("title")).ToContainTextAsync($": {best[2]}");

        await cell.ClickAsync();
        // The gallery is a static page: leaving the interactive chart page for it is a whole page load. Wait for the
        // address to hold the pair (any key order), then for the gallery itself.
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(
            $@"/d/mnist\?(?=.*\bscope=flagged(&|$))(?=.*\bgiven={given}(&|$))(?=.*\bguessed={guessed}(&|$))"));
        await Assertions.Expect(page.Locator("#result-count")).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("MNIST");
        // MNIST's class names are its digits: every card shown has exactly the clicked pair.
        await Assertions.Expect(page.Locator("#result-count")).ToBeVisibleAsync();
        Assert.All(await page.Locator(".label-given").AllInnerTextsAsync(), text => Assert.Equal(given.ToString(), text.Trim()));
        Assert.All(await page.Locator(".label-guessed").AllInnerTextsAsync(), text => Assert.Equal(guessed.ToString(), text.Trim()));
        await page.ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath("chart-heatmap-click-gallery"), FullPage = true });
        await page.CloseAsync();
    }

    [Fact]
    public async Task A_hundred_class_heatmap_starts_with_the_top_confusions_and_toggles_to_all()
    {
        var page = await site.OpenAsync("/charts/cifar100");
        var cells = page.Locator("[data-testid=confusion-heatmap] a.heatmap-cell");
        await Assertions.Expect(page.Locator("#heatmap-show-all")).ToBeVisibleAsync();
        var top = await cells.CountAsync();
        Assert.InRange(top, 4, 80 * 80);
        Assert.True(top < 100 * 100);
        await page.Locator("#chart-heatmap").ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath("chart-heatmap-cifar100-top") });

        await page.Locator("[data-testid=confusion-heatmap] input[type=checkbox]").ClickAsync();
        // 10,000 linked cells are a large render batch: allow it time.
        await Assertions.Expect(cells).ToHaveCountAsync(100 * 100, new() { Timeout = 30_000 });
        await page.Locator("#chart-heatmap").ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath("chart-heatmap-cifar100-all") });
        await page.CloseAsync();
    }
}
