using LabelErrors.Core.Formats;
using Microsoft.Playwright;

namespace LabelErrors.E2E.Charts;

[Collection(ImportedSiteCollection.Name)]
public sealed class ScoreAndCorrectedPageTests(ImportedSiteFixture site)
{
    [Fact]
    public async Task Corrected_page_counts_follow_the_options_and_link_the_api_download()
    {
        var page = await site.OpenAsync("/corrected/mnist");
        await Assertions.Expect(page.Locator("#count-examples")).ToHaveTextAsync("10,000");
        var corrected = await page.Locator("#count-corrected").InnerTextAsync();
        await Assertions.Expect(page.Locator("#corrected-download")).ToHaveAttributeAsync("href", "/api/v1/datasets/mnist/corrected");
        await page.ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath("corrected-mnist"), FullPage = true });

        await page.GotoAsync(site.BaseUrl + "/corrected/mnist?min_agreement=5&neither=drop", new() { WaitUntil = WaitUntilState.NetworkIdle });
        await ImportedSiteFixture.WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.Locator("#corrected-download")).ToHaveAttributeAsync("href", "/api/v1/datasets/mnist/corrected?min_agreement=5&neither=drop");
        Assert.NotEqual(corrected, await page.Locator("#count-corrected").InnerTextAsync());
        await page.CloseAsync();
    }

    [Fact]
    public async Task Score_page_ranks_an_upload_with_the_study_model_and_explains_a_bad_file()
    {
        var page = await site.OpenAsync("/score/mnist");
        await Assertions.Expect(page.Locator("#score-ranking tbody tr")).ToHaveCountAsync(1);

        var original = Npy.ReadLabels(Path.Combine(LabelErrors.Tests.Shared.RepositoryPaths.Root, "wwwroot-assets/label-errors/original_test_labels/mnist_test_set_original_labels.npy"));
        var good = Path.Combine(Path.GetTempPath(), $"memorizer-{Guid.NewGuid():N}.npy");
        var bad = Path.Combine(Path.GetTempPath(), $"short-{Guid.NewGuid():N}.npy");
        try
        {
            Npy.Write(good, original.Select(l => (long)l).ToArray(), original.Length);
            Npy.Write(bad, new long[10], 10);
            await page.Locator("#score-files").SetInputFilesAsync([good, bad]);

            // The first upload loads Blazor's file-streaming code: allow it more than the default 5 s.
            await Assertions.Expect(page.Locator("#score-ranking tbody tr")).ToHaveCountAsync(2, new() { Timeout = 30_000 });
            await Assertions.Expect(page.Locator("#score-ranking tbody tr").First).ToContainTextAsync("100.00 %");
            await Assertions.Expect(page.Locator(".score-error")).ToContainTextAsync("10 rows but the test set has 10,000 examples");
            await page.ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath("score-mnist"), FullPage = true });
        }
        finally
        {
            File.Delete(good);
            File.Delete(bad);
        }
        await page.CloseAsync();
    }
}
