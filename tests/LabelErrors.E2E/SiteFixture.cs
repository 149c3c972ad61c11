using LabelErrors.Tests.Shared;
using Microsoft.Playwright;

namespace LabelErrors.E2E;

/// <summary>
/// One real app on a free loopback port (Kestrel, real PostgreSQL) and one headless Debian Chromium, shared by the
/// end-to-end tests of a collection.
/// </summary>
public class SiteFixture : IAsyncLifetime
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private TestDatabase? _database;
    private LabelErrorsAppFactory? _app;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public IServiceProvider Services => _app!.Services;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: ./test.sh installs Debian's chromium package.");
        _database = await TestDatabase.CreateAsync();
        _app = new LabelErrorsAppFactory(_database.ConnectionString, settings: Settings);
        _app.UseKestrel(0);
        _app.StartServer();
        BaseUrl = _app.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        await PrepareDataAsync(_app.Services);

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
        if (_app is not null)
            await _app.DisposeAsync();
        if (_database is not null)
            await _database.DisposeAsync();
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
