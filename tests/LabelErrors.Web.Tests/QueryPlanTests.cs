using System.Net;
using LabelErrors.Data;
using LabelErrors.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace LabelErrors.Web.Tests;

/// <summary>
/// Every query the browse pages run uses an index: rendered through HTTP on a database shaped like the study (ten
/// datasets of 10,000 examples, a few percent of them flagged), with PostgreSQL's statistics up to date. Each dataset
/// is a partition of <c>examples</c> of its own: a sequential scan of that partition alone reads no other dataset's
/// row and is allowed (<see cref="QueryPlanRecorder"/> keeps its name); a scan of the parent, of the default
/// partition or of several partitions is not.
/// </summary>
public sealed class QueryPlanTests(StudySizedSite site, ITestOutputHelper output) : IClassFixture<StudySizedSite>
{
    private const string Big = StudySizedSite.Big;

    [Fact]
    public async Task Browse_pages_never_scan_the_examples_table_sequentially()
    {
        var (client, recorder) = (site.Client, site.StartRecording());

        string[] paths =
        [
            $"/d/{Big}", $"/d/{Big}?page=3", $"/d/{Big}?scope=checked", $"/d/{Big}?scope=flagged", $"/d/{Big}?scope=all&sort=index",
            $"/d/{Big}?scope=all", $"/d/{Big}?k=3", $"/d/{Big}?agree=both&k=2&sort=agreement", $"/d/{Big}?agree=neither&k=1",
            $"/d/{Big}?scope=checked&given_lt=2", $"/d/{Big}?consensus=correctable,neither", $"/d/{Big}?scope=checked&given=3",
            $"/d/{Big}?scope=checked&guessed=4", $"/d/{Big}?scope=all&q=word17", $"/d/{Big}?q=filler",
            $"/d/{Big}/40", $"/d/{Big}/40?k=3&sort=agreement", $"/d/{Big}/80?scope=all&sort=index", $"/d/{Big}/5",
            "/", // the home page: one text snippet per text dataset
        ];
        foreach (var path in paths)
        {
            var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
        }

        var plans = recorder.Plans.ToArray();
        // At least one per page: a permalink is one statement (example, votes, neighbours), a gallery view two.
        Assert.True(plans.Length >= paths.Length, $"only {plans.Length} queries on examples were seen");
        foreach (var (sql, plan) in plans)
        {
            if (plan.Contains("Seq Scan on examples", StringComparison.Ordinal))
                output.WriteLine($"{sql}\n{plan}\n");
        }
        Assert.DoesNotContain(plans, p => p.Plan.Contains("Seq Scan on examples", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("", "ix_examples_dataset_id_validated_label_quality_key")]
    [InlineData("?scope=checked", "ix_examples_dataset_id_checked_label_quality_key")]
    [InlineData("?scope=flagged", "ix_examples_dataset_id_flagged_label_quality_key")]
    [InlineData("?scope=checked&page=4", "ix_examples_dataset_id_checked_label_quality_key")]
    public async Task A_scope_page_in_label_quality_order_is_read_in_order_from_its_scope_index(string query, string index)
    {
        var (client, recorder) = (site.Client, site.StartRecording());

        var response = await client.GetAsync($"/d/{Big}{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // The page query is the one with LIMIT (the count has none). Read from the scope's own sort-key index it needs no
        // sort and stops after the page; through another index it would read and sort the whole scope (or dataset).
        // Above the Limit only the page's rows are joined to their votes and texts (sorting those 24 is free).
        var (sql, plan) = Assert.Single(recorder.Plans, p => p.Sql.Contains("LIMIT", StringComparison.Ordinal));
        output.WriteLine($"{sql}\n{plan}");
        var limit = plan.IndexOf("Limit", StringComparison.Ordinal);
        Assert.True(limit >= 0, "the page query has no Limit node");
        var belowTheLimit = plan[limit..];
        // An index-only scan when the page's keys are read first (ExampleSearch.SearchAsync), an index scan otherwise.
        Assert.Matches($@"Index (Only )?Scan using {index} on examples", belowTheLimit);
        Assert.DoesNotContain("Sort", belowTheLimit, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?scope=checked&k=2&page=9")]
    [InlineData("?scope=checked&k=1&sort=agreement&page=12")]
    [InlineData("?k=1&page=5")]
    public async Task A_deep_page_with_an_agreement_filter_reads_only_indexes_under_its_offset(string query)
    {
        var (client, recorder) = (site.Client, site.StartRecording());

        var response = await client.GetAsync($"/d/{Big}{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // Under the OFFSET every skipped row is read: its keys must come from the scope's sort-key index and the votes'
        // covering index alone (index-only scans), not from the examples' or votes' heap (a deep ImageNet page read its
        // whole scope's rows, 649 heap blocks, and 2,052 votes rows). Only the page's rows are fetched, by primary key,
        // above the Limit.
        var (sql, plan) = Assert.Single(recorder.Plans, p => p.Sql.Contains("LIMIT", StringComparison.Ordinal));
        output.WriteLine($"{sql}\n{plan}");
        var limit = plan.IndexOf("Limit", StringComparison.Ordinal);
        Assert.True(limit >= 0, "the page query has no Limit node");
        var belowTheLimit = plan[limit..];
        var depth = limit - plan.LastIndexOf('\n', limit);
        // The Limit's own subtree: the lines after it indented deeper than it.
        var subtree = string.Join('\n', belowTheLimit.Split('\n').Skip(1)
            .TakeWhile(line => line.Length - line.TrimStart().Length >= depth));
        Assert.Matches(@"Index Only Scan using ix_examples_dataset_id_(checked|validated)_label_quality_key on examples", subtree);
        Assert.Contains("Index Only Scan using ix_mturk_votes_dataset_id_example_id_counts on mturk_votes", subtree, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(Bitmap Heap Scan|Index Scan using \S+|Seq Scan) on (examples|mturk_votes)", subtree);
    }

    [Theory]
    [InlineData("/40")]
    [InlineData("/40?scope=checked")]
    [InlineData("/40?scope=checked&k=1&sort=agreement")]
    public async Task A_permalinks_neighbours_are_sought_from_its_position_in_the_index(string path)
    {
        var (client, recorder) = (site.Client, site.StartRecording());

        var response = await client.GetAsync($"/d/{Big}{path}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // Previous and next compare (sort key, study index) as a row value; where an index has that order (the label
        // quality sort) the comparison is its Index Cond, so the scan starts at the example instead of the scope's start.
        // Both are subqueries of the one statement that loads the example (one round trip per permalink).
        var (sql, plan) = Assert.Single(recorder.Plans, p => p.Sql.Contains(") > (", StringComparison.Ordinal)
                                                          || p.Sql.Contains(") < (", StringComparison.Ordinal));
        output.WriteLine($"{sql}\n{plan}\n");
        Assert.Contains(") > (", sql, StringComparison.Ordinal);
        Assert.Contains(") < (", sql, StringComparison.Ordinal);
        if (!path.Contains("sort=agreement", StringComparison.Ordinal))
            // (An index-only scan prints the index's expression in parentheses of its own.)
            Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(plan, @"Index Cond: \(.*ROW\(\(?COALESCE\(label_quality").Count);
    }

    [Fact]
    public async Task A_permalinks_statement_keeps_a_generic_plan_of_its_own_partition_only()
    {
        // The app's data services on the site's database, on one pooled connection (the tests' own connection strings
        // turn pooling off): every permalink below runs on it, so
        // Npgsql prepares the statement there (after 5 runs) and PostgreSQL then chooses between custom and generic plans.
        await using var services = new ServiceCollection()
            .AddLabelErrorsData(_ => new Npgsql.NpgsqlConnectionStringBuilder(site.ConnectionString) { Pooling = true, MaxPoolSize = 1 }.ConnectionString)
            .BuildServiceProvider();
        var factory = services.GetRequiredService<IDbContextFactory<LabelErrorsDbContext>>();
        var search = services.GetRequiredService<LabelErrors.Data.Queries.ExampleSearch>();
        int datasetId;
        await using (var lookup = await factory.CreateDbContextAsync())
            datasetId = await lookup.Datasets.Where(d => d.Slug == Big).Select(d => d.Id).SingleAsync();

        for (var i = 1; i <= 16; i++)
        {
            var (example, _) = await search.FindWithNeighboursAsync(datasetId, 40 * i, LabelErrors.Data.Queries.ExampleQuery.Default);
            Assert.NotNull(example);
        }

        await using var db = await factory.CreateDbContextAsync();
        CachedPlans.Use(db);
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        string name;
        long genericPlans;
        await using (var statements = connection.CreateCommand())
        {
            statements.CommandText = """
                SELECT name, generic_plans, custom_plans, current_setting('plan_cache_mode') FROM pg_prepared_statements
                 WHERE statement LIKE '%e.study_index = $1%' AND statement LIKE '%) > (%'
                """;
            await using var reader = await statements.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync(), "the permalink's statement was not prepared");
            (name, genericPlans) = (reader.GetString(0), reader.GetInt64(1));
            output.WriteLine($"{name}: {genericPlans} generic, {reader.GetInt64(2)} custom plans, plan_cache_mode {reader.GetString(3)}");
            Assert.Equal("auto", reader.GetString(3));
            Assert.False(await reader.ReadAsync(), "one prepared statement per dataset and view");
        }
        Assert.True(genericPlans > 0, "PostgreSQL kept planning the permalink's statement for its parameters");

        // The plan PostgreSQL keeps: its own dataset's partition only (pruned when planning: the dataset is a constant),
        // the example by its study index, the neighbours from its position in the scope index.
        var lines = new List<string>();
        await using (var explain = connection.CreateCommand())
        {
            explain.CommandText = $"EXPLAIN EXECUTE {name}(400)";
            await using var reader = await explain.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                lines.Add(reader.GetString(0));
        }
        var plan = string.Join('\n', lines);
        output.WriteLine(plan);
        Assert.Equal([$"examples_{datasetId}"],
            System.Text.RegularExpressions.Regex.Matches(plan, @"\bon (examples_\w+)").Select(m => m.Groups[1].Value).Distinct());
        Assert.Contains($"Index Scan using examples_{datasetId}_dataset_id_study_index_idx on examples_{datasetId}", plan, StringComparison.Ordinal);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(plan, @"Index Cond: \(.*ROW\(\(?COALESCE\(label_quality").Count);
        Assert.DoesNotContain("Seq Scan on examples", plan, StringComparison.Ordinal);
    }
}

/// <summary>
/// One app on one database shaped like the study, seeded once for every plan test (they only read). The page cache is
/// off: a page served from it runs no query, and the tests share paths.
/// </summary>
public sealed class StudySizedSite : IAsyncLifetime
{
    public const string Big = "filler-text";

    private TestDatabase? _database;
    private LabelErrorsAppFactory? _app;
    private readonly QueryPlanRecorder _recorder = new();

    public HttpClient Client { get; private set; } = null!;

    public string ConnectionString => _database!.ConnectionString;

    /// <summary>Forgets the plans seen so far: what the recorder holds from here on is the calling test's.</summary>
    public QueryPlanRecorder StartRecording()
    {
        _recorder.Plans.Clear();
        return _recorder;
    }

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _app = new LabelErrorsAppFactory(_database.ConnectionString,
            // Nothing kept in memory either (gallery counts): every test sees every statement its pages run.
            settings: new Dictionary<string, string?> { ["BrowseCache:PageSeconds"] = "0", ["BrowseCache:LookupSeconds"] = "0" },
            configureServices: services => services.ConfigureDbContext<LabelErrorsDbContext>(o => o.AddInterceptors(_recorder)));
        Client = _app.CreateClient();
        await Client.GetAsync("/healthz");
        await SeedStudySizedDatabaseAsync(_app.Services);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
    }

    private static async Task SeedStudySizedDatabaseAsync(IServiceProvider services)
    {
        var factory = services.GetRequiredService<IDbContextFactory<LabelErrorsDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        await BrowseSeed.SeedAsync(db);
        await db.Database.ExecuteSqlRawAsync($"""
            INSERT INTO datasets (slug, name, modality, description, test_set_size, class_count, source, licence, citation, sort_order,
                                  paper_cl_guessed, paper_mturk_checked, paper_validated, paper_error_percent)
            SELECT CASE WHEN n = 0 THEN '{Big}' ELSE 'filler-' || n END, 'Filler ' || n, CASE WHEN n = 0 THEN 'Text' ELSE 'Image' END,
                   '', 10000, 10, '', '', '', 20 + n, 500, 500, 250, 2.5
            FROM generate_series(0, 9) n;
            INSERT INTO classes (dataset_id, index, name)
            SELECT d.id, c, 'class ' || c FROM datasets d, generate_series(0, 9) c WHERE d.slug LIKE 'filler%';
            -- 5 % flagged and checked, 2.5 % validated: roughly the study's proportions.
            INSERT INTO examples (dataset_id, study_index, given_label, guessed_label, label_quality, is_cl_flagged, is_mturk_checked,
                                  is_validated_error, consensus)
            SELECT d.id, g, g % 10, CASE WHEN g % 20 = 0 THEN (g + 4) % 10 END, (g * 7919 % 10000) / 10000.0,
                   g % 20 = 0, g % 20 = 0, g % 40 = 0,
                   CASE WHEN g % 40 = 0 THEN 'Correctable' WHEN g % 20 = 0 THEN 'NotAnError' END
            FROM datasets d, generate_series(0, 9999) g WHERE d.slug LIKE 'filler%';
            INSERT INTO mturk_votes (dataset_id, example_id, given, guessed, "both", neither, total)
            SELECT dataset_id, id, study_index % 3, 5 - study_index % 3 - 1, 1, 0, 5 FROM examples WHERE is_mturk_checked AND given_label >= 0
              AND dataset_id IN (SELECT id FROM datasets WHERE slug LIKE 'filler%');
            INSERT INTO example_texts (dataset_id, example_id, text)
            SELECT e.dataset_id, e.id, 'filler text word' || (e.study_index % 100) || E'\n\nsecond paragraph'
            FROM examples e JOIN datasets d ON d.id = e.dataset_id WHERE d.slug = '{Big}';
            """);
        // As autovacuum leaves a table after its inserts: statistics, and the visibility map that lets PostgreSQL answer
        // an index-only scan without visiting the heap (the gallery's page keys, GalleryCoveringIndexes).
        await db.Database.ExecuteSqlRawAsync("VACUUM (ANALYZE)");
    }
}
