using LabelErrors.Core.Content;
using LabelErrors.Data.Import;
using LabelErrors.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LabelErrors.E2E.Charts;

/// <summary>
/// The site with MNIST (10 classes, pred_probs released), CIFAR-100 (100 classes, no pred_probs) and Amazon (checked
/// examples only) imported by the real importer: for the chart, corrected-labels and scoring pages.
/// </summary>
public sealed class ImportedSiteFixture : SiteFixture
{
    private static readonly string[] Slugs = ["mnist", "cifar100", "amazon"];

    protected override async Task PrepareDataAsync(IServiceProvider services)
    {
        var assets = new BundledAssets(Path.Combine(RepositoryPaths.Root, BundledAssets.FolderName));
        await services.GetRequiredService<StudyImporter>().ImportAsync(assets, Slugs, CancellationToken.None);
    }

    public async Task<IPage> OpenAsync(string path)
    {
        var page = await Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        await page.GotoAsync(BaseUrl + path, new() { WaitUntil = WaitUntilState.NetworkIdle });
        await WaitUntilInteractiveAsync(page);
        return page;
    }

    /// <summary>Waits for the circuit to be live (the layout marks &lt;html data-interactive&gt;), so clicks and uploads reach the server.</summary>
    public static Task WaitUntilInteractiveAsync(IPage page) =>
        page.Locator("html[data-interactive=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
}

[CollectionDefinition(Name)]
public sealed class ImportedSiteCollection : ICollectionFixture<ImportedSiteFixture>
{
    public const string Name = "imported study site";
}
