using LabelErrors.Tests.Shared;
using Microsoft.Playwright;

namespace LabelErrors.E2E;

/// <summary>
/// The app on Kestrel for the upload flow: its own database and uploads folder, and a pause before each job stage so
/// the progress bar can be watched moving. Headless Debian Chromium as in <see cref="SiteFixture"/>.
/// </summary>
public sealed class UploadSiteFixture : IAsyncLifetime
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private TestDatabase? _database;
    private LabelErrorsAppFactory? _app;
    private IPlaywright? _playwright;
    private string? _uploadsRoot;

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: ./test.sh installs Debian's chromium package.");
        _database = await TestDatabase.CreateAsync();
        _uploadsRoot = Directory.CreateTempSubdirectory("le-e2e-uploads-").FullName;
        _app = new LabelErrorsAppFactory(_database.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["Uploads:Root"] = _uploadsRoot,
            ["Jobs:StageDelay"] = "00:00:00.800",
            ["Jobs:PollInterval"] = "00:00:00.250",
        });
        _app.UseKestrel(0);
        _app.StartServer();
        BaseUrl = _app.ClientOptions.BaseAddress.ToString().TrimEnd('/');

        // The upload flow waits on background jobs; on a loaded machine 5 s expectations are too tight.
        Assertions.SetDefaultExpectTimeout(20_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_app is not null)
            await _app.DisposeAsync();
        if (_database is not null)
            await _database.DisposeAsync();
        if (_uploadsRoot is not null)
            Directory.Delete(_uploadsRoot, recursive: true);
    }
}
