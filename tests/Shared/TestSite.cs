using System.Text.Json;
using LabelErrors.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LabelErrors.Tests.Shared;

/// <summary>
/// A test database, a private uploads folder and the real app on them, disposed together: the base of the upload,
/// review and visitor-vote tests, in memory (<see cref="StartAsync"/>) or on a loopback port for a browser
/// (<see cref="StartOnKestrelAsync"/>). The database and folder outlive the app: <see cref="RestartAsync"/> starts a
/// new app (a fresh process state) on the same data, as after a crash or a deploy.
/// </summary>
public sealed class TestSite : IAsyncDisposable
{
    private readonly Dictionary<string, string?> _settings;
    private readonly bool _onKestrel;

    private TestSite(TestDatabase database, string uploadsRoot, Dictionary<string, string?> settings, bool onKestrel)
    {
        Database = database;
        UploadsRoot = uploadsRoot;
        _settings = settings;
        _onKestrel = onKestrel;
        (App, Client) = CreateApp();
    }

    public TestDatabase Database { get; }
    public string UploadsRoot { get; }
    public LabelErrorsAppFactory App { get; private set; }
    public HttpClient Client { get; private set; }
    public UploadApi Api => new(Client);
    public IServiceProvider Services => App.Services;

    /// <summary>The app's address without a trailing slash (a loopback port on Kestrel).</summary>
    public string BaseUrl => Client.BaseAddress!.ToString().TrimEnd('/');

    /// <summary>The app in memory (the test server); <paramref name="settings"/> add to or override the defaults.</summary>
    public static Task<TestSite> StartAsync(IDictionary<string, string?>? settings = null) => StartAsync(settings, onKestrel: false);

    /// <summary>The app on a free loopback port, for a real browser.</summary>
    public static Task<TestSite> StartOnKestrelAsync(IDictionary<string, string?>? settings = null) => StartAsync(settings, onKestrel: true);

    private static async Task<TestSite> StartAsync(IDictionary<string, string?>? settings, bool onKestrel)
    {
        var database = await TestDatabase.CreateAsync();
        var root = Directory.CreateTempSubdirectory("le-site-uploads-").FullName;
        var all = new Dictionary<string, string?>
        {
            ["Uploads:Root"] = root,
            ["Jobs:PollInterval"] = "00:00:00.200",
            // Loose enough that a test class posting many uploads is never refused; the limit tests set their own.
            ["Uploads:MaxQueuedJobsPerClient"] = "100",
            ["Uploads:UploadsPerMinutePerClient"] = "1000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            all[key] = value;
        var site = new TestSite(database, root, all, onKestrel);
        await site.Client.GetAsync("/healthz"); // starts the host: migrations, workers
        return site;
    }

    private (LabelErrorsAppFactory App, HttpClient Client) CreateApp()
    {
        var app = new LabelErrorsAppFactory(Database.ConnectionString, settings: _settings);
        if (!_onKestrel)
            return (app, app.CreateClient());
        app.UseKestrel(0);
        app.StartServer();
        return (app, new HttpClient { BaseAddress = app.ClientOptions.BaseAddress });
    }

    public async Task RestartAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        (App, Client) = CreateApp();
        await Client.GetAsync("/healthz");
    }

    public async Task<LabelErrorsDbContext> DbAsync() =>
        await Services.GetRequiredService<IDbContextFactory<LabelErrorsDbContext>>().CreateDbContextAsync();

    /// <summary>Adds the hand-made <see cref="BrowseSeed"/> study (CIFAR-10, IMDB, AudioSet examples with votes).</summary>
    public async Task SeedStudyAsync()
    {
        await using var db = await DbAsync();
        await BrowseSeed.SeedAsync(db);
    }

    /// <summary>Uploads the files, waits for the analysis to succeed; returns the share token and the owner key.</summary>
    public async Task<(string Token, string OwnerKey)> UploadAsync(UploadForm form)
    {
        var accepted = await Api.PostAcceptedAsync(form);
        var job = await Api.WaitAsync(accepted.GetProperty("jobUrl").GetString()!);
        Assert.Equal("succeeded", job.GetProperty("state").GetString());
        return (accepted.GetProperty("token").GetString()!, accepted.GetProperty("ownerKey").GetString()!);
    }

    /// <summary>Uploads a synthetic test set's labels and pred_probs (see <see cref="UploadAsync(UploadForm)"/>).</summary>
    public Task<(string Token, string OwnerKey)> UploadAsync(SyntheticUpload data, string name = "test upload") =>
        UploadAsync(new UploadForm().Field("name", name).File("labels", data.LabelsPath).File("pred_probs", data.PredProbsPath));

    /// <summary>Files left in the uploads folder (staging included): none after a refused upload.</summary>
    public string[] StoredFiles() => Directory.GetFiles(UploadsRoot, "*", SearchOption.AllDirectories);

    public static JsonElement Json(string body) => JsonDocument.Parse(body).RootElement.Clone();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        await Database.DisposeAsync();
        try
        {
            Directory.Delete(UploadsRoot, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
