using LabelErrors.Tests.Shared;
using Microsoft.Playwright;

namespace LabelErrors.E2E;

/// <summary>
/// One real app on a free loopback port (a <see cref="TestSite"/>: Kestrel, real PostgreSQL, its own uploads folder)
/// and one headless Debian Chromium, shared by the end-to-end tests of a collection. Derived fixtures add settings and
/// data.
/// </summary>
public class SiteFixture : IAsyncLifetime
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private IPlaywright? _playwright;

    public TestSite Site { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl => Site.BaseUrl;

    /// <summary>A client of the app (for API calls that set up a test).</summary>
    public HttpClient Http => Site.Client;

    public IServiceProvider Services => Site.Services;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: ./test.sh installs Debian's chromium package.");
        Site = await TestSite.StartOnKestrelAsync(Settings);
        await PrepareDataAsync(Site.Services);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>Extra app settings of a derived fixture (e.g. importing the study at start).</summary>
    protected virtual IDictionary<string, string?>? Settings => null;

    /// <summary>Fills the database before the tests run; the base site stays empty.</summary>
    protected virtual Task PrepareDataAsync(IServiceProvider services) => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.CloseAsync();
        _playwright?.Dispose();
        if (Site is not null)
            await Site.DisposeAsync();
    }

    public static string ScreenshotPath(string name)
    {
        var dir = Path.Combine(RepositoryPaths.TestResults, "screenshots");
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, name + ".png");
    }
}

[CollectionDefinition(Name)]
public sealed class SiteCollection : ICollectionFixture<SiteFixture>
{
    public const string Name = "site";
}
