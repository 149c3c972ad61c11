using LabelErrors.Data;
using LabelErrors.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LabelErrors.Web.Tests.Uploads;

/// <summary>A test database, an uploads folder and the app with its workers, disposed together.</summary>
public sealed class UploadTestApp : IAsyncDisposable
{
    private UploadTestApp(TestDatabase database, string uploadsRoot, LabelErrorsAppFactory app)
    {
        Database = database;
        UploadsRoot = uploadsRoot;
        App = app;
        Client = app.CreateClient();
        Api = new UploadApi(Client);
    }

    public TestDatabase Database { get; }
    public string UploadsRoot { get; }
    public LabelErrorsAppFactory App { get; }
    public HttpClient Client { get; }
    public UploadApi Api { get; }

    public static async Task<UploadTestApp> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var database = await TestDatabase.CreateAsync();
        var root = Directory.CreateTempSubdirectory("le-uploads-root-").FullName;
        var all = new Dictionary<string, string?>
        {
            ["Uploads:Root"] = root,
            ["Jobs:PollInterval"] = "00:00:00.200",
            ["Uploads:MaxQueuedJobsPerClient"] = "100",
            ["Uploads:UploadsPerMinutePerClient"] = "1000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            all[key] = value;
        var app = new LabelErrorsAppFactory(database.ConnectionString, settings: all);
        var result = new UploadTestApp(database, root, app);
        await result.Client.GetAsync("/healthz"); // starts the host: migrations, workers
        return result;
    }

    public async Task<LabelErrorsDbContext> DbAsync() =>
        await App.Services.GetRequiredService<IDbContextFactory<LabelErrorsDbContext>>().CreateDbContextAsync();

    /// <summary>Files left in the uploads folder (staging included): none after a refused upload.</summary>
    public string[] StoredFiles() => Directory.GetFiles(UploadsRoot, "*", SearchOption.AllDirectories);

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
