using LabelErrors.Data;
using LabelErrors.Data.Queries;
using LabelErrors.Tests.Shared;
using LabelErrors.Web.Jobs;
using LabelErrors.Web.Uploads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;

namespace LabelErrors.Web.Tests.Uploads;

/// <summary>
/// The results views of a 1,000,000-example upload each read through an index: flagged issues, all examples by label
/// quality, outliers by outlier score, given / suggested class, label quality at most, each run by the shared gallery query object
/// (ExampleQuery / ExampleSearch) exactly as the upload page runs it. Upload rows are shaped as <c>ResultWriter</c> writes them (not checked, not validated, no consensus; only
/// flagged rows have a guessed label and an issue rank), so the study-only partial indexes do not hold them. The upload
/// under test is a partition of its own, as its job attaches it; the two others sit in the default partition.
/// </summary>
public sealed class UploadQueryPlanTests(ITestOutputHelper output)
{
    private const int Examples = 1_000_000;

    [Fact]
    public async Task Results_views_of_a_million_example_upload_use_an_index()
    {
        await using var database = await TestDatabase.CreateAsync();
        var recorder = new QueryPlanRecorder();
        await using var app = new LabelErrorsAppFactory(database.ConnectionString,
            settings: new Dictionary<string, string?> { ["Jobs:WorkerCount"] = "0" },
            configureServices: services => services.ConfigureDbContext<LabelErrorsDbContext>(o => o.AddInterceptors(recorder)));
        using var client = app.CreateClient();
        await client.GetAsync("/healthz");
        var datasetId = await SeedAsync(app.Services);

        // The upload page's views are ExampleQuery values run by the same ExampleSearch as the study's gallery.
        var search = app.Services.GetRequiredService<ExampleSearch>();
        var issues = UploadGallery.Defaults;
        var all = UploadGallery.WithScope(issues, ExampleScope.All);
        var outliers = UploadGallery.WithScope(issues, ExampleScope.Outliers);
        var views = new (string Name, ExampleQuery Query, string Index)[]
        {
            ("flagged issues", issues, "ix_examples_dataset_id_issue_rank"),
            ("flagged, page 40", issues with { Page = 40, PageSize = 25 }, "ix_examples_dataset_id_issue_rank"),
            ("flagged, given class", issues with { GivenClass = 7 }, "ix_examples_dataset_id_"),
            ("outliers by score", outliers, "ix_examples_dataset_id_is_outlier_outlier_score"),
            ("outliers, page 10", outliers with { Page = 10, PageSize = 25 }, "ix_examples_dataset_id_is_outlier_outlier_score"),
            ("all by label quality", all, "ix_examples_dataset_id_label_quality_key"),
            ("all, page 40", all with { Page = 40, PageSize = 25 }, "ix_examples_dataset_id_label_quality_key"),
            ("all, given class", all with { GivenClass = 7 }, "ix_examples_dataset_id_given_label"),
            ("all, suggested class", all with { SuggestedClass = 9 }, "ix_examples_dataset_id_predicted_label"),
            ("all, label quality at most 0.01", all with { MaxLabelQuality = 0.01 }, "ix_examples_dataset_id_label_quality_key"),
            ("study gallery, flagged", new ExampleQuery { Scope = ExampleScope.ClFlagged }, "ix_examples_dataset_id_is_cl_flagged_label_quality"),
            ("study gallery, all, given class", new ExampleQuery { Scope = ExampleScope.All, GivenClass = 3 }, "ix_examples_dataset_id_given_label"),
            ("study gallery, flagged, guessed class", new ExampleQuery { Scope = ExampleScope.ClFlagged, GuessedClass = 4 }, "ix_examples_dataset_id_"),
        };

        var failures = new List<string>();
        foreach (var (name, query, index) in views)
        {
            recorder.Plans.Clear();
            await search.SearchAsync(datasetId, query);
            var plans = recorder.Plans.ToArray();
            Assert.True(plans.Length > 0, $"{name}: no query on examples was seen");
            // The planner may answer the count and the page from different indexes; the expected one must be among them.
            if (plans.Any(p => p.Plan.Contains("Seq Scan on examples", StringComparison.Ordinal))
                || !plans.Any(p => p.Plan.Contains(index, StringComparison.Ordinal)))
            {
                failures.Add(name);
                foreach (var (sql, plan) in plans)
                    output.WriteLine($"{name} (expected {index}):\n{sql}\n{plan}\n");
            }
        }
        Assert.Empty(failures);
    }

    /// <summary>
    /// The upload under test and two other uploads half its size (a real database holds more than one), with the rows
    /// ResultWriter writes: 100 classes, about 4.4 % flagged and ranked, label quality and outlier score spread over 0…1, about 1 % outliers.
    /// </summary>
    private static async Task<int> SeedAsync(IServiceProvider services)
    {
        var factory = services.GetRequiredService<IDbContextFactory<LabelErrorsDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        await db.Database.ExecuteSqlRawAsync($"""
            INSERT INTO datasets (slug, name, modality, description, test_set_size, class_count, source, licence, citation, sort_order,
                                  paper_cl_guessed, paper_mturk_checked, paper_validated, paper_error_percent,
                                  is_upload, upload_share_token, upload_owner_key_hash, upload_storage_path, upload_is_listed)
            SELECT 'u-plan' || n, 'Upload ' || n, 'Image', '', CASE WHEN n = 0 THEN {Examples} ELSE {Examples / 2} END, 100, '', '', '', 100 + n,
                   0, 0, 0, 0, true, 'plan-token-' || n, 'hash', 'plan-' || n, false
            FROM generate_series(0, 2) n;
            INSERT INTO classes (dataset_id, index, name)
            SELECT d.id, c, 'class ' || c FROM datasets d, generate_series(0, 99) c WHERE d.slug LIKE 'u-plan%';
            """);
        var datasetId = await db.Datasets.Where(d => d.Slug == "u-plan0").Select(d => d.Id).SingleAsync();
        // The two other uploads' rows in the default partition (as rows written before the partitioning are), the one
        // under test in a partition of its own, loaded and attached as the job does it (UploadPartition).
        await db.Database.ExecuteSqlRawAsync(RowsSql("examples", $"d.slug LIKE 'u-plan%' AND d.id <> {datasetId}"));
        var partition = new UploadPartition(datasetId, attempt: 1);
        await using var connection = new NpgsqlConnection(db.Database.GetConnectionString());
        await connection.OpenAsync();
        await partition.CreateAsync(connection, CancellationToken.None);
        await using (var load = new NpgsqlCommand(RowsSql(partition.StagingName, $"d.id = {datasetId}"), connection) { CommandTimeout = 0 })
            await load.ExecuteNonQueryAsync();
        foreach (var statement in await partition.IndexStatementsAsync(connection, CancellationToken.None))
        {
            await using var build = new NpgsqlCommand(statement, connection) { CommandTimeout = 0 };
            await build.ExecuteNonQueryAsync();
        }
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await partition.AttachAsync(connection, transaction, CancellationToken.None);
            await transaction.CommitAsync();
        }
        // As autovacuum does after a bulk insert: statistics, and the visibility map that index-only counts rely on.
        await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE examples");
        return datasetId;
    }

    private static string RowsSql(string table, string datasets) => $"""
        INSERT INTO {table} (dataset_id, study_index, given_label, guessed_label, predicted_label, label_quality, normalized_margin,
                              is_cl_flagged, is_mturk_checked, is_validated_error, issue_rank, outlier_score, is_outlier)
        SELECT d.id, g, g % 100, CASE WHEN g % 23 = 0 THEN (g + 3) % 100 END, CASE WHEN g % 23 = 0 THEN (g + 3) % 100 ELSE g % 100 END,
               (g * 7919 % 1000003) / 1000003.0, 0, g % 23 = 0, false, false, CASE WHEN g % 23 = 0 THEN (g * 31 % 1000003) / 23 END,
               (g * 104729 % 1000003) / 1000003.0, g % 97 = 0
        FROM datasets d, generate_series(0, d.test_set_size - 1) g WHERE {datasets}
        """;
}
