using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using LabelErrors.Data.Queries;
using LabelErrors.Web.Uploads;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace LabelErrors.Web.Tests.Uploads.TenMillion;

/// <summary>
/// Every hot statement an upload's pages and API run, on a 10,000,000-example upload in its own partition as its job
/// leaves it (the job's VACUUM (ANALYZE): statistics and visibility map, before autovacuum) (<see cref="TenMillionRowUpload"/>): each reads the partition through an index (no sequential
/// scan of 10M rows), and no page sorts more than a filter's share of the rows (a first page of a scope is read in
/// order from its index). The plans are PostgreSQL's EXPLAIN of the app's own statements (<see cref="QueryPlanRecorder"/>),
/// through the real pages and endpoints, or the services they call. Plans only: nothing here is timed.
/// The review queue's statements are in TenMillionRowReviewPlanTests.cs.
/// </summary>
[Collection(TenMillionRowUploadCollection.Name)]
public sealed partial class TenMillionRowPlanTests(TenMillionRowUpload upload, ITestOutputHelper output)
{
    // A first page may sort what a filter leaves (a class: 1 % of the rows), never a scope or the whole upload.
    private const long MaxSortedRows = 200_000;

    public static TheoryData<string> GalleryViews => new(Views.Keys);

    private static readonly Dictionary<string, ExampleQuery> Views = new()
    {
        ["issues, first page"] = UploadGallery.Defaults,
        ["issues, deep page"] = UploadGallery.Defaults with { Page = 20_000 },
        // Class 70: every flagged example has a given class that is a multiple of 10 (StagedUploadSeed).
        ["issues, given class"] = UploadGallery.Defaults with { GivenClass = 70 },
        ["issues, suggested class"] = UploadGallery.Defaults with { SuggestedClass = 9 },
        ["issues, label quality at most 0.01"] = UploadGallery.Defaults with { MaxLabelQuality = 0.01 },
        ["outliers, first page"] = UploadGallery.WithScope(UploadGallery.Defaults, ExampleScope.Outliers),
        ["outliers, deep page"] = UploadGallery.WithScope(UploadGallery.Defaults, ExampleScope.Outliers) with { Page = 2_000 },
        ["outliers, given class"] = UploadGallery.WithScope(UploadGallery.Defaults, ExampleScope.Outliers) with { GivenClass = 7 },
        ["all, first page"] = UploadGallery.WithScope(UploadGallery.Defaults, ExampleScope.All),
        ["all, deep page"] = UploadGallery.WithScope(UploadGallery.Defaults, ExampleScope.All) with { Page = 20_000 },
        ["all, given class"] = UploadGallery.WithScope(UploadGallery.Defaults, ExampleScope.All) with { GivenClass = 7 },
        ["all, suggested class"] = UploadGallery.WithScope(UploadGallery.Defaults, ExampleScope.All) with { SuggestedClass = 9 },
        ["all, label quality at most 0.01"] = UploadGallery.WithScope(UploadGallery.Defaults, ExampleScope.All) with { MaxLabelQuality = 0.01 },
    };

    [Fact]
    public void The_fixture_holds_ten_million_rows_in_the_uploads_own_partition()
    {
        foreach (var (step, seconds) in upload.Cost)
            output.WriteLine($"fixture: {step}: {seconds:F1} s");
        var (rows, partitions) = upload.Pair($"""
            SELECT (SELECT reltuples::bigint FROM pg_class WHERE relname = 'examples_{upload.DatasetId}'),
                   (SELECT count(*) FROM pg_inherits WHERE inhrelid = 'examples_{upload.DatasetId}'::regclass)
            """);
        Assert.Equal(1, partitions);
        // ANALYZE's estimate: within a percent of the rows written.
        Assert.InRange(rows, TenMillionRowUpload.Examples * 99L / 100, TenMillionRowUpload.Examples * 101L / 100);
    }

    [Theory]
    [MemberData(nameof(GalleryViews))]
    public async Task A_gallery_page_reads_the_partition_through_an_index(string view)
    {
        var query = Views[view];
        var recorder = upload.StartRecording();
        var response = await upload.Client.GetAsync(UploadGallery.Href(upload.Token, query));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The count and the page.
        AssertIndexedPlans(view, recorder, minimum: 2);
    }

    [Theory]
    [InlineData("issues, first page")]
    [InlineData("issues, given class")]
    [InlineData("outliers, first page")]
    [InlineData("all, first page")]
    [InlineData("all, given class")]
    [InlineData("all, label quality at most 0.01")]
    public async Task The_apis_first_slice_of_a_view_reads_the_partition_through_an_index(string view)
    {
        var recorder = upload.StartRecording();
        var api = await upload.Client.GetAsync($"/api/v1/uploads/{upload.Token}/examples{Views[view].ToQueryString(includePage: false)}");
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        // The count, the slice's keys, its rows.
        AssertIndexedPlans($"api, {view}", recorder, minimum: 3);
    }

    [Theory]
    [InlineData("issues, first page", 5_000_000L)]
    [InlineData("issues, given class", 5_000_070L)]
    [InlineData("outliers, first page", 97L * 50_000)]
    [InlineData("all, first page", 5_000_001L)]
    [InlineData("all, given class", 5_000_007L)]
    public async Task A_permalink_and_its_neighbours_are_read_through_an_index(string view, long index)
    {
        var recorder = upload.StartRecording();
        var response = await upload.Client.GetAsync(UploadGallery.ExampleHref(upload.Token, index, Views[view]));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertIndexedPlans($"permalink in {view}", recorder, minimum: 2);
    }

    [Theory]
    [InlineData("all")]
    [InlineData("issues")]
    public async Task The_api_pages_through_a_scope_by_cursor_through_an_index(string scope)
    {
        var recorder = upload.StartRecording();
        var first = await upload.Client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/uploads/{upload.Token}/examples?scope={scope}");
        var next = first.GetProperty("next").GetString();
        Assert.False(string.IsNullOrEmpty(next));
        var second = await upload.Client.GetAsync(next);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        AssertIndexedPlans($"api, {scope}, second slice", recorder, minimum: 4);
    }

    [Fact]
    public async Task The_exports_stream_the_partition_in_order_from_an_index()
    {
        var queries = upload.Services.GetRequiredService<UploadQueries>();
        var found = await queries.FindAsync(upload.Token, CancellationToken.None);
        Assert.NotNull(found);

        // The fixed labels: every example in index order, streamed; stopped after its first lines (the plan is taken
        // before the statement runs).
        var recorder = upload.StartRecording();
        using var stop = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => queries.WriteFixedLabelsCsvAsync(found.Dataset, new StoppingWriter(stop, lines: 100), stop.Token));
        AssertIndexedPlans("labels-fixed.csv", recorder, minimum: 1, maxSortedRows: 0);

        // The issues: the flagged examples in rank order.
        recorder = upload.StartRecording();
        await queries.WriteIssuesCsvAsync(found.Dataset, TextWriter.Null, CancellationToken.None);
        AssertIndexedPlans("issues.csv", recorder, minimum: 1, maxSortedRows: 0);
    }

    private void AssertIndexedPlans(string name, QueryPlanRecorder recorder, int minimum, long maxSortedRows = MaxSortedRows)
    {
        var plans = recorder.Plans.ToArray();
        Assert.True(plans.Length >= minimum, $"{name}: only {plans.Length} statements on examples were seen");
        var failures = new List<string>();
        foreach (var (sql, plan) in plans)
        {
            output.WriteLine($"{name}:\n{sql}\n{plan}\n");
            failures.AddRange(PlanProblems(plan, maxSortedRows).Select(problem => $"{name}: {problem}\n{plan}"));
        }
        Assert.Empty(failures);
    }

    /// <summary>
    /// What is wrong with one plan at 10M rows: a sequential scan of examples (the recorder names a partition by its
    /// parent, or "the own partition" for a lone one: both are 10M rows here), a statement on examples that reads no
    /// index, or a sort of more than <paramref name="maxSortedRows"/> estimated rows.
    /// </summary>
    internal static IEnumerable<string> PlanProblems(string plan, long maxSortedRows)
    {
        if (plan.Contains("Seq Scan on examples", StringComparison.Ordinal) || plan.Contains("Seq Scan on the own partition", StringComparison.Ordinal))
            yield return "sequential scan of the upload's rows";
        if (!IndexRead().IsMatch(plan))
            yield return "no index read";
        foreach (Match sort in SortNode().Matches(plan))
        {
            if (long.Parse(sort.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) > maxSortedRows)
                yield return $"sorts {sort.Groups[1].Value} rows (at most {maxSortedRows})";
        }
    }

    [GeneratedRegex(@"(Index Scan|Index Only Scan|Bitmap Index Scan)( Backward)? (using|on) \S+")]
    private static partial Regex IndexRead();

    // "Sort  (cost=… rows=N width=…)": a full sort node (an Incremental Sort sorts groups of an index's order).
    [GeneratedRegex(@"(?<!Incremental )Sort  \(cost=[0-9.]+ rows=([0-9]+)")]
    private static partial Regex SortNode();

    /// <summary>Cancels its token once <c>lines</c> lines were written: an export stopped early, as a closed download.</summary>
    private sealed class StoppingWriter(CancellationTokenSource stop, int lines) : StringWriter
    {
        private int _left = lines;

        public override Task WriteAsync(string? value)
        {
            if (--_left <= 0)
                stop.Cancel();
            return Task.CompletedTask;
        }
    }
}
