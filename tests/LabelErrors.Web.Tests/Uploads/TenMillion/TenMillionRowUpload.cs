using System.Diagnostics;
using LabelErrors.Data;
using LabelErrors.Data.Entities;
using LabelErrors.Tests.Shared;
using LabelErrors.Web.Jobs;
using LabelErrors.Web.Uploads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LabelErrors.Web.Tests.Uploads.TenMillion;

/// <summary>
/// One app on one database holding a succeeded 10,000,000-example upload in its own partition of <c>examples</c>,
/// built once per test run for every test of the collection (they only read). The rows are generated inside
/// PostgreSQL (two <c>INSERT … SELECT FROM generate_series</c> streams, as the job's two COPY streams) into the staging
/// table <see cref="UploadPartition"/> creates; its indexes are the statements <see cref="UploadPartition"/> reads from
/// the catalog (so an index a migration adds or drops flows in), built by sorting on two connections with the job's
/// <c>maintenance_work_mem</c>; then ANALYZE and the ATTACH of <see cref="StagedExampleRows"/>, exactly as a job
/// leaves an upload. No VACUUM: the first visitor after a job sees the partition with statistics and an empty
/// visibility map. The rows are shaped as <c>ResultWriter</c> writes them: 100 classes, 10 % flagged and ranked
/// (mostly low label quality), label quality spread over 0…1, about 1 % outliers. A smaller second upload sits beside
/// it (a real database holds more than one).
/// </summary>
public sealed class TenMillionRowUpload : IAsyncLifetime
{
    public const int Examples = 10_000_000;
    public const int Classes = 100;

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
            var upload = NewUpload(Token, Examples);
            var small = NewUpload(ShareTokens.NewShareToken(), Examples / 100);
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
        await StageAsync(connectionString, DatasetId, Examples);
    }

    /// <summary>Loads, indexes, analyses and attaches one upload's partition as its job does (timed per step).</summary>
    private async Task StageAsync(string connectionString, int datasetId, int rows)
    {
        var partition = new UploadPartition(datasetId, attempt: 1);
        var big = rows == Examples;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await partition.CreateAsync(connection, CancellationToken.None);

        const int streams = 2;
        var load = Task.WhenAll(Enumerable.Range(0, streams).Select(stream => Task.Run(async () =>
        {
            await using var streamConnection = new NpgsqlConnection(connectionString);
            await streamConnection.OpenAsync();
            long from = (long)rows * stream / streams, to = (long)rows * (stream + 1) / streams;
            await using var insert = new NpgsqlCommand(RowsSql(partition.StagingName, datasetId, from, to), streamConnection) { CommandTimeout = 0 };
            await insert.ExecuteNonQueryAsync();
        })));
        await (big ? StepAsync("10M rows: INSERT … generate_series, 2 streams", () => load) : load);

        var statements = await partition.IndexStatementsAsync(connection, CancellationToken.None);
        var indexes = Task.WhenAll(Enumerable.Range(0, streams).Select(stream => Task.Run(async () =>
        {
            await using var buildConnection = new NpgsqlConnection(connectionString);
            await buildConnection.OpenAsync();
            // As StagedExampleRows builds them: the job's memory for a sort, two builds at once.
            await using (var memory = new NpgsqlCommand("SET maintenance_work_mem = '256MB'", buildConnection))
                await memory.ExecuteNonQueryAsync();
            for (var i = stream; i < statements.Count; i += streams)
            {
                await using var build = new NpgsqlCommand(statements[i], buildConnection) { CommandTimeout = 0 };
                await build.ExecuteNonQueryAsync();
            }
        })));
        await (big ? StepAsync($"10M rows: {statements.Count} index and key builds (UploadPartition), 2 connections", () => indexes) : indexes);

        var analyse = partition.AnalyzeAsync(connection, CancellationToken.None);
        await (big ? StepAsync("10M rows: ANALYZE", () => analyse) : analyse);
        await using var transaction = await connection.BeginTransactionAsync();
        await StagedExampleRows.AttachAsync(partition, connection, transaction, datasetId, CancellationToken.None);
        await transaction.CommitAsync();
    }

    private async Task StepAsync(string step, Func<Task> run)
    {
        var watch = Stopwatch.StartNew();
        await run();
        Cost.Add((step, watch.Elapsed.TotalSeconds));
    }

    private static Dataset NewUpload(string token, int examples) => new()
    {
        Slug = ShareTokens.Slug(token),
        Name = $"Plan upload of {examples:N0}",
        Description = "",
        Modality = Modality.Image,
        TestSetSize = examples,
        ClassCount = Classes,
        Source = "Uploaded",
        SortOrder = int.MaxValue,
        IsUpload = true,
        Upload = new UploadInfo
        {
            ShareToken = token,
            OwnerKeyHash = ShareTokens.Hash("owner"),
            CreatedAt = DateTimeOffset.UtcNow,
            StoragePath = "plans-" + token,
            Task = UploadTask.MultiClass,
            Content = UploadContentKind.None,
        },
        Classes = Enumerable.Range(0, Classes).Select(c => new DatasetClass { Index = c, Name = $"class {c}" }).ToList(),
    };

    // The columns ResultWriter COPYs. Every tenth example is flagged, with an issue rank (a permutation of 0…n/10-1:
    // 7,919 is prime to every n here) and a suggested class other than its given one, and a label quality in 0…0.2;
    // the others' label quality spreads over 0.1…1. An example in 97 is an outlier. Hashes are multiplicative, so
    // neither quality nor score follows the row order (the indexes' correlation with the heap is realistic).
    private static string RowsSql(string table, int datasetId, long from, long to) => $"""
        INSERT INTO {table} (dataset_id, study_index, given_label, guessed_label, predicted_label, label_quality, normalized_margin,
                              is_cl_flagged, is_mturk_checked, is_validated_error, issue_rank, outlier_score, is_outlier)
        SELECT {datasetId}, g, (g % {Classes})::int, CASE WHEN g % 10 = 0 THEN ((g + 3 + g / 10 % 7) % {Classes})::int END,
               CASE WHEN g % 10 = 0 THEN ((g + 3 + g / 10 % 7) % {Classes})::int ELSE (g % {Classes})::int END,
               CASE WHEN g % 10 = 0 THEN (g * 7919 % 1000003) / 5000015.0 ELSE 0.1 + 0.9 * (g * 7919 % 1000003) / 1000003.0 END,
               0, g % 10 = 0, false, false, CASE WHEN g % 10 = 0 THEN (g / 10 * 7919 % 1000000)::int END,
               (g * 104729 % 1000003) / 1000003.0, g % 97 = 0
        FROM generate_series({from}::bigint, {to - 1}::bigint) g
        """;
}

[CollectionDefinition(Name)]
public sealed class TenMillionRowUploadCollection : ICollectionFixture<TenMillionRowUpload>
{
    public const string Name = "10M-row upload";
}
