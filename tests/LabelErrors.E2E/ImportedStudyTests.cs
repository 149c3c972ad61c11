using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LabelErrors.E2E;

/// <summary>The browse pages on the real, imported study: every dataset, one permalink per modality, a small screen, axe.</summary>
[Collection(ImportedStudyCollection.Name)]
public sealed class ImportedStudyTests(ImportedStudyFixture site) : IAsyncLifetime
{
    private IBrowserContext _context = null!;

    public async Task InitializeAsync() =>
        _context = await site.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });

    public Task DisposeAsync() => _context.CloseAsync();

    [Fact]
    public async Task Home_shows_the_ten_datasets_and_table_1_without_serious_accessibility_violations()
    {
        var page = await BrowserPages.OpenAsync(_context, site.BaseUrl + "/");

        await Expect(page.Locator("#dataset-cards .dataset-card")).ToHaveCountAsync(10);
        await Expect(page.Locator("#table1 tbody tr")).ToHaveCountAsync(10);
        await Expect(page.Locator("#table1")).ToContainTextAsync("2,916"); // ImageNet's validated errors in the paper
        await page.ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath("study-home"), FullPage = true });
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task Every_dataset_gallery_shows_its_validated_errors()
    {
        foreach (var slug in await site.DatasetSlugsAsync())
        {
            var page = await BrowserPages.OpenAsync(_context, $"{site.BaseUrl}/d/{slug}");
            await Expect(page.Locator("#result-count")).ToContainTextAsync("validated label errors");
            Assert.True(await page.Locator(".example-card").CountAsync() > 0, $"{slug}: no cards");
            await page.ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath($"study-gallery-{slug}"), FullPage = false });
            if (slug == "imagenet")
                await AssertAccessibleAsync(page);
            await page.CloseAsync();
        }
    }

    [Theory]
    [InlineData("cifar10")]
    [InlineData("mnist")]
    [InlineData("imdb")]
    [InlineData("20news")]
    [InlineData("audioset")]
    [InlineData("quickdraw")]
    public async Task A_permalink_per_modality_renders_its_content_and_labels(string slug)
    {
        var id = await site.FirstValidatedErrorAsync(slug);
        var page = await BrowserPages.OpenAsync(_context, $"{site.BaseUrl}/d/{slug}/{id}");

        await Expect(page.Locator("h1")).ToContainTextAsync($"#{id}");
        await Expect(page.Locator("#labels")).ToBeVisibleAsync();
        await Expect(page.Locator("#votes")).ToBeVisibleAsync();
        switch (slug)
        {
            case "imdb" or "20news":
                await Expect(page.Locator("#full-text")).Not.ToBeEmptyAsync();
                break;
            case "audioset":
                await Expect(page.Locator(".video-frame iframe")).ToHaveAttributeAsync("loading", "lazy");
                break;
            default:
                await Expect(page.Locator("img.large-image")).ToBeVisibleAsync();
                break;
        }
        await page.ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath($"study-permalink-{slug}"), FullPage = true });
        if (slug is "cifar10" or "imdb")
            await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task ImageNet_gallery_and_permalink_fit_375_pixels()
    {
        var context = await site.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 375, Height = 812 }, IsMobile = true, HasTouch = true });
        var id = await site.FirstValidatedErrorAsync("imagenet");
        foreach (var (path, name) in new[] { ("/d/imagenet", "study-375-imagenet"), ($"/d/imagenet/{id}", "study-375-imagenet-permalink") })
        {
            var page = await BrowserPages.OpenAsync(context, site.BaseUrl + path);
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            await page.ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath(name), FullPage = true });
            Assert.True(overflow <= 0, $"{path} is {overflow}px wider than the screen");
        }
        await context.CloseAsync();
    }

    private static async Task AssertAccessibleAsync(IPage page)
    {
        var violations = await BrowserPages.SeriousAccessibilityViolationsAsync(page);
        Assert.True(violations.Count == 0, $"{page.Url}:\n{string.Join("\n", violations)}");
    }
}
