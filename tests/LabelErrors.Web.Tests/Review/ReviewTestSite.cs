using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LabelErrors.Data;
using LabelErrors.Tests.Shared;
using LabelErrors.Web.Tests.Uploads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LabelErrors.Web.Tests.Review;

/// <summary>
/// One test database and uploads folder outliving the app on them: <see cref="RestartAsync"/> stops the app and
/// starts a new one (a fresh process state) on the same data, as after a crash or a deploy.
/// </summary>
public sealed class ReviewTestSite : IAsyncDisposable
{
    private readonly Dictionary<string, string?> _settings;

    private ReviewTestSite(TestDatabase database, string uploadsRoot, Dictionary<string, string?> settings)
    {
        Database = database;
        UploadsRoot = uploadsRoot;
        _settings = settings;
        App = new LabelErrorsAppFactory(database.ConnectionString, settings: settings);
        Client = App.CreateClient();
    }

    public TestDatabase Database { get; }
    public string UploadsRoot { get; }
    public LabelErrorsAppFactory App { get; private set; }
    public HttpClient Client { get; private set; }

    public static async Task<ReviewTestSite> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var database = await TestDatabase.CreateAsync();
        var root = Directory.CreateTempSubdirectory("le-review-root-").FullName;
        var all = new Dictionary<string, string?>
        {
            ["Uploads:Root"] = root,
            ["Jobs:PollInterval"] = "00:00:00.200",
            ["Uploads:MaxQueuedJobsPerClient"] = "100",
            ["Uploads:UploadsPerMinutePerClient"] = "1000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            all[key] = value;
        var site = new ReviewTestSite(database, root, all);
        await site.Client.GetAsync("/healthz");
        return site;
    }

    public async Task RestartAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        App = new LabelErrorsAppFactory(Database.ConnectionString, settings: _settings);
        Client = App.CreateClient();
        await Client.GetAsync("/healthz");
    }

    public async Task<LabelErrorsDbContext> DbAsync() =>
        await App.Services.GetRequiredService<IDbContextFactory<LabelErrorsDbContext>>().CreateDbContextAsync();

    /// <summary>Uploads the files, waits for the analysis to succeed; returns the share token and the owner key.</summary>
    public async Task<(string Token, string OwnerKey)> UploadAsync(UploadForm form)
    {
        var api = new UploadApi(Client);
        var accepted = await api.PostAcceptedAsync(form);
        var job = await api.WaitAsync(accepted.GetProperty("job_url").GetString()!);
        Assert.Equal("succeeded", job.GetProperty("state").GetString());
        return (accepted.GetProperty("token").GetString()!, accepted.GetProperty("owner_key").GetString()!);
    }

    public async Task<HttpResponseMessage> PostAsOwnerAsync(string url, string ownerKey, object? body = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body ?? new { }) };
        request.Headers.Add("X-Owner-Key", ownerKey);
        return await Client.SendAsync(request);
    }

    public async Task DecideAsync(string token, string ownerKey, long index, string decision, int? label = null, string? note = null)
    {
        var response = await PostAsOwnerAsync($"/api/v1/uploads/{token}/decisions", ownerKey, new { index, decision, label, note });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>
    /// The flagged examples from the issues CSV, worst label quality first (a stable sort, so ties keep the CSV's
    /// issue-rank order): (index, given, suggested).
    /// </summary>
    public async Task<List<(int Index, int Given, int Suggested)>> IssuesWorstFirstAsync(string token)
    {
        var csv = await Client.GetStringAsync($"/api/v1/uploads/{token}/issues.csv");
        return csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(line => line.Split(','))
            .Select(f => (Index: int.Parse(f[0]), Given: int.Parse(f[1]), Suggested: int.Parse(f[2]), Quality: double.Parse(f[3], System.Globalization.CultureInfo.InvariantCulture)))
            .OrderBy(r => r.Quality)
            .Select(r => (r.Index, r.Given, r.Suggested))
            .ToList();
    }

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
