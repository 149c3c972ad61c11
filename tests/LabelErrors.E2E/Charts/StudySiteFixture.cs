using LabelErrors.Core.Content;
using LabelErrors.Data.Import;
using LabelErrors.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LabelErrors.E2E.Charts;

/// <summary>
/// The app on Kestrel with MNIST (10 classes, pred_probs released), CIFAR-100 (100 classes, no pred_probs) and Amazon
/// imported by the real importer, and a headless Chromium: for the chart, corrected-labels and scoring pages.
/// </summary>
public sealed class StudySiteFixture : IAsyncLifetime
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private static readonly string[] Slugs = ["mnist", "cifar100", "amazon"];

    private TestDatabase? _database;
    private LabelErrorsAppFactory? _app;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: ./test.sh installs Debian's chromium package.");
        _database = await TestDatabase.CreateAsync();
        _app = new LabelErrorsAppFactory(_database.ConnectionString);
        _app.UseKestrel(0);
        _app.StartServer();
        BaseUrl = _app.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        var assets = new BundledAssets(Path.Combine(RepositoryPaths.Root, BundledAssets.FolderName));
        await _app.Services.GetRequiredService<StudyImporter>().ImportAsync(assets, Slugs, CancellationToken.None);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async Task<IPage> OpenAsync(string path)
    {
        var page = await Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        await page.GotoAsync(BaseUrl + path, new() { WaitUntil = WaitUntilState.NetworkIdle });
        await WaitUntilInteractiveAsync(page);
        return page;
    }

    /// <summary>Waits for the page's circuit to be live (see InteractiveMarker), so clicks and uploads reach the server.</summary>
    public static Task WaitUntilInteractiveAsync(IPage page) =>
        page.Locator("[data-interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_app is not null)
            await _app.DisposeAsync();
        if (_database is not null)
            await _database.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class StudySiteCollection : ICollectionFixture<StudySiteFixture>
{
    public const string Name = "study site";
}
