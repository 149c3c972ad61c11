using LabelErrors.Data;
using LabelErrors.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LabelErrors.E2E;

/// <summary>
/// The app on Kestrel with its own uploads folder and the hand-made study seeded (for visitor votes), plus headless
/// Chromium: what the review and vote end-to-end tests need beyond <see cref="SiteFixture"/>.
/// </summary>
public sealed class ReviewSiteFixture : IAsyncLifetime
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private TestDatabase? _database;
    private LabelErrorsAppFactory? _app;
    private IPlaywright? _playwright;
    private string? _uploadsRoot;

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: ./test.sh installs Debian's chromium package.");
        _database = await TestDatabase.CreateAsync();
        _uploadsRoot = Directory.CreateTempSubdirectory("le-e2e-uploads-").FullName;
        _app = new LabelErrorsAppFactory(_database.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["Uploads:Root"] = _uploadsRoot,
            ["Jobs:PollInterval"] = "00:00:00.200",
        });
        _app.UseKestrel(0);
        _app.StartServer();
        BaseUrl = _app.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        Http = new HttpClient { BaseAddress = new Uri(BaseUrl) };

        await using (var db = await _app.Services.GetRequiredService<IDbContextFactory<LabelErrorsDbContext>>().CreateDbContextAsync())
            await BrowseSeed.SeedAsync(db);

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
        Http?.Dispose();
        if (_app is not null)
            await _app.DisposeAsync();
        if (_database is not null)
            await _database.DisposeAsync();
        if (_uploadsRoot is not null && Directory.Exists(_uploadsRoot))
            Directory.Delete(_uploadsRoot, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class ReviewSiteCollection : ICollectionFixture<ReviewSiteFixture>
{
    public const string Name = "review-site";
}
