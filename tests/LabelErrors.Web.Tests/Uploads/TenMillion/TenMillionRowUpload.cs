using System.Diagnostics;
using LabelErrors.Data;
using LabelErrors.Data.Entities;
using LabelErrors.Tests.Shared;
using LabelErrors.Web.Uploads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LabelErrors.Web.Tests.Uploads.TenMillion;

/// <summary>
/// One app on one database holding a succeeded 10,000,000-example upload in its own partition of <c>examples</c>,
/// built once per test run for every test of the collection (they only read): generated inside PostgreSQL into the
/// job's staging table, indexed by the job's own index statements, VACUUMed and ANALYZEd as the job does and attached
/// (<see cref="StagedUploadSeed"/>): the partition as a job leaves it, before autovacuum. 100 classes, 10 %
/// flagged and ranked (mostly low label quality), label quality spread over 0…1, about 1 % outliers. A second upload of
/// 100,000 rows sits beside it (a real database holds more than one). Each step's wall time is kept in <see cref="Cost"/>.
/// </summary>
public sealed class TenMillionRowUpload : IAsyncLifetime
{
    public const int Examples = 10_000_000;
    public const int Classes = StagedUploadSeed.Classes;

    private TestDatabase? _database;
    private LabelErrorsAppFactory? _app;
    private readonly QueryPlanRecorder _recorder = new();

    public HttpClient Client { get; private set; } = null!;
    public IServiceProvider Services => _app!.Services;
    public string Token { get; } = ShareTokens.NewShareToken();
    public int DatasetId { get; private set; }

    /// <summary>Wall seconds of each step of the build (reported by the tests, never asserted on).</summary>
    public List<(string Step, double Seconds)> Cost { get; } = [];

    /// <summary>Forgets the plans seen so far: what the recorder holds from here on is the calling test's.</summary>
    public QueryPlanRecorder StartRecording()
    {
        _recorder.Plans.Clear();
        return _recorder;
    }

    public async Task InitializeAsync()
    {
        var total = Stopwatch.StartNew();
        _database = await TestDatabase.CreateAsync();
        _app = new LabelErrorsAppFactory(_database.ConnectionString,
            // No worker (the upload is seeded as succeeded), no page cache and no kept counts: every request runs its statements.
            settings: new Dictionary<string, string?>
            {
                ["Jobs:WorkerCount"] = "0", ["BrowseCache:PageSeconds"] = "0", ["BrowseCache:LookupSeconds"] = "0",
            },
            configureServices: services => services.ConfigureDbContext<LabelErrorsDbContext>(o => o.AddInterceptors(_recorder)));
        Client = _app.CreateClient();
        await Client.GetAsync("/healthz");
        Cost.Add(("database and app", total.Elapsed.TotalSeconds));
        await SeedAsync();
        Cost.Add(("total", total.Elapsed.TotalSeconds));
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
    }

    /// <summary>The two numbers of a one-row statement on the test database (the tests' checks of the fixture).</summary>
    public (long, long) Pair(string sql)
    {
        using var connection = new NpgsqlConnection(_database!.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private async Task SeedAsync()
    {
        var factory = Services.GetRequiredService<IDbContextFactory<LabelErrorsDbContext>>();
        int other;
        await using (var db = await factory.CreateDbContextAsync())
        {
            var upload = StagedUploadSeed.NewUpload(Token, Examples);
            var small = StagedUploadSeed.NewUpload(ShareTokens.NewShareToken(), Examples / 100);
            db.Datasets.AddRange(upload, small);
            await db.SaveChangesAsync();
            (DatasetId, other) = (upload.Id, small.Id);
            var now = DateTimeOffset.UtcNow;
            db.AnalysisJobs.AddRange(
                new AnalysisJob { Id = Guid.NewGuid(), DatasetId = DatasetId, State = AnalysisJobState.Succeeded, Stage = "Done", Percent = 100, CreatedAt = now, FinishedAt = now },
                new AnalysisJob { Id = Guid.NewGuid(), DatasetId = other, State = AnalysisJobState.Succeeded, Stage = "Done", Percent = 100, CreatedAt = now, FinishedAt = now });
            await db.SaveChangesAsync();
        }
        var connectionString = _database!.ConnectionString;
        await StepAsync("the other upload (100,000 rows, staged and attached)", () => StageAsync(connectionString, other, Examples / 100));
        // No VACUUM of its own: the job's VACUUM (ANALYZE) of the staging table (UploadPartition.AnalyzeAsync) leaves
        // the visibility map the gallery's counts need, so the tests see the partition as a job leaves it.
        await StageAsync(connectionString, DatasetId, Examples);
    }

    /// <summary>Loads, indexes, analyses and attaches one upload's partition as its job does (timed per step at 10M).</summary>
    private async Task StageAsync(string connectionString, int datasetId, int rows)
    {
        var seed = new StagedUploadSeed(connectionString, datasetId);
        var big = rows == Examples;
        await seed.CreateAsync();
        await TimedAsync(big, "10M rows: INSERT … generate_series, 2 streams", () => seed.LoadAsync(rows));
        await TimedAsync(big, "10M rows: index and key builds (UploadPartition's statements), 2 connections", seed.BuildIndexesAsync);
        await TimedAsync(big, "10M rows: VACUUM (ANALYZE) (the job's)", seed.AnalyzeAsync);
        await seed.AttachAsync();
    }

    private Task TimedAsync(bool timed, string step, Func<Task> run) => timed ? StepAsync(step, run) : run();

    private async Task StepAsync(string step, Func<Task> run)
    {
        var watch = Stopwatch.StartNew();
        await run();
        Cost.Add((step, watch.Elapsed.TotalSeconds));
    }
}

[CollectionDefinition(Name)]
public sealed class TenMillionRowUploadCollection : ICollectionFixture<TenMillionRowUpload>
{
    public const string Name = "10M-row upload";
}
