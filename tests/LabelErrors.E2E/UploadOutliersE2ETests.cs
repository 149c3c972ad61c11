using System.Text.RegularExpressions;
using LabelErrors.Core.ConfidentLearning;
using LabelErrors.Core.ConfidentLearning.Outliers;
using LabelErrors.Tests.Shared;
using Microsoft.Playwright;

namespace LabelErrors.E2E;

/// <summary>
/// An upload with a few obvious outliers (seeded near-uniform pred_probs): the health panel counts them, the Outliers
/// scope lists them lowest score first with their badge, and a permalink shows the score.
/// </summary>
[Collection(ReviewSiteCollection.Name)]
public sealed class UploadOutliersE2ETests(ReviewSiteFixture site)
{
    [Fact]
    public async Task The_outliers_scope_lists_the_seeded_outliers_and_a_permalink_shows_the_outlier_score()
    {
        using var data = new SyntheticUpload(examples: 500, classes: 3, seed: 13, flipFraction: 0.1);
        var seeded = data.AddUniformRows(first: 7, every: 100);
        var labels = data.Labels.Select(l => (int)l).ToArray();
        var expected = OutlierIssues.Find(labels, PredProbs.FromSingle(data.PredProbs, data.Examples, data.Classes));
        var outliers = Enumerable.Range(0, data.Examples).Where(i => expected.IsOutlier[i])
            .OrderBy(i => expected.Scores[i]).ThenBy(i => i).ToArray();
        Assert.All(seeded, i => Assert.Contains(i, outliers));
        Assert.True(outliers.Length <= 24, "all outliers fit on the first page");

        var (token, _) = await site.Site.UploadAsync(new UploadForm()
            .Field("name", "outliers e2e").File("labels", data.LabelsPath).File("pred_probs", data.PredProbsPath)
            .File("class_names", data.WriteClassNames()));

        var page = await site.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 1000 } });
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync($"{site.BaseUrl}/u/{token}", new() { WaitUntil = WaitUntilState.NetworkIdle });
        await Assertions.Expect(page.Locator("#health-outliers")).ToContainTextAsync($"{outliers.Length} outliers");
        await Assertions.Expect(page.Locator("#health-class-imbalance")).ToContainTextAsync("No class imbalance");
        await page.Locator("#health-panel").ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath("upload-outliers-health") });

        // The scope menu, as a reviewer would use it.
        await BrowserPages.WaitInteractiveAsync(page);
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Scope" }).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextRegex = new Regex(@"^\s*Outliers\s*$") })
            .ClickAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page).ToHaveURLAsync($"{site.BaseUrl}/u/{token}?scope=outliers");
        await Assertions.Expect(page.Locator("#result-count")).ToContainTextAsync($"{outliers.Length} example");
        var cards = page.Locator("#gallery .example-card");
        await Assertions.Expect(cards).ToHaveCountAsync(outliers.Length);
        await Assertions.Expect(page.Locator("#gallery .example-card .outlier-badge")).ToHaveCountAsync(outliers.Length);
        var hrefs = await page.Locator("#gallery .example-card a.example-link").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.Equal(outliers.Select(i => $"/u/{token}/{i}?scope=outliers").ToArray(), hrefs);
        await page.ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath("upload-outliers-scope"), FullPage = true });

        // The most atypical example's permalink: the badge, its score, and prev/next within the outliers.
        await cards.First.Locator("a.example-link").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync($"{site.BaseUrl}/u/{token}/{outliers[0]}?scope=outliers");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Example {outliers[0]} of outliers e2e");
        await Assertions.Expect(page.Locator(".outlier-badge")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#example-outlier")).ToContainTextAsync(expected.Scores[outliers[0]].ToString("0.00000"));
        await Assertions.Expect(page.Locator("#example-outlier")).ToContainTextAsync("an outlier");
        await Assertions.Expect(page.Locator("#example-prev")).ToBeDisabledAsync();
        await Assertions.Expect(page.Locator("#example-next")).ToHaveAttributeAsync("href", $"/u/{token}/{outliers[1]}?scope=outliers");
        await page.ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath("upload-outliers-permalink"), FullPage = true });
        Assert.Empty(errors);
        await page.CloseAsync();
    }
}
