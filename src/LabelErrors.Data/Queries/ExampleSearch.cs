using System.Linq.Expressions;
using LabelErrors.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LabelErrors.Data.Queries;

/// <summary>
/// Runs an <see cref="ExampleQuery"/> against PostgreSQL: filtered in the database, counted, and paged by offset
/// (never loading a whole dataset). Every query is scoped to one dataset, so the (dataset_id, …) indexes apply.
/// </summary>
public sealed class ExampleSearch(IDbContextFactory<LabelErrorsDbContext> contexts)
{
    /// <summary>How much of a text a list item carries (the card shows a few lines of it).</summary>
    public const int SnippetLength = 320;

    public Task<ExamplePage> SearchAsync(int datasetId, ExampleQuery query, CancellationToken cancellationToken = default) =>
        SearchAsync(datasetId, query, knownTotal: null, cancellationToken);

    /// <summary>
    /// A page of the query; <paramref name="knownTotal"/> is the number of examples the query's filters match when the
    /// caller already knows it (it does not depend on the sort or the page): the count, often the dearer of the two
    /// statements, is then not run.
    /// </summary>
    public async Task<ExamplePage> SearchAsync(int datasetId, ExampleQuery query, int? knownTotal, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var filtered = Filter(db.Examples.AsNoTracking(), datasetId, query);
        var total = knownTotal ?? await filtered.CountAsync(cancellationToken);
        var pageSize = Math.Clamp(query.PageSize, 1, ExampleQuery.MaxPageSize);
        // The page's keys first, then its rows by primary key: only the page's rows are read whole and joined to their
        // votes and texts. Under the OFFSET, the checked and validated scopes' sort-key indexes and the votes' covering
        // index answer the filter and order alone (index-only scans, migration GalleryCoveringIndexes); selecting the
        // whole row there read every skipped row's heap tuple (a deep page with an agreement filter read its whole
        // scope's rows and votes). Two statements, not one: joined to a subquery, the keys are estimated with the
        // partitioned parent's statistics (which nothing gathers) as 1/200 of the partition, ~1M rows for a 10M-row
        // upload, and PostgreSQL then planned a sort of them and JIT-compiled the statement; `= ANY(keys)` is estimated
        // with the partition's own statistics as the page's 24 rows (TenMillionRowPlanTests).
        var pageIds = await Order(filtered, query)
            .Skip((int)Math.Min((long)(query.Page - 1) * pageSize, int.MaxValue))
            .Take(pageSize)
            .Select(e => e.Id)
            .ToArrayAsync(cancellationToken);
        if (pageIds.Length == 0)
            return new ExamplePage([], total, query.Page, pageSize);
        // The rows by primary key: the same plan for any page of any view of the dataset, so it is kept (CachedPlans);
        // planning it cost PostgreSQL more than running it. The keys above stay planned for their parameters.
        await using var rowsDb = await contexts.CreateDbContextAsync(cancellationToken);
        CachedPlans.Use(rowsDb);
        var items = await Order(InDatasetConstant(rowsDb.Examples.AsNoTracking(), datasetId).Where(e => pageIds.Contains(e.Id)), query)
            .Select(ToListItem)
            .ToListAsync(cancellationToken);
        return new ExamplePage(items, total, query.Page, pageSize);
    }

    /// <summary>
    /// A keyset page in the query's order: the <see cref="ExampleQuery.PageSize"/> examples after <paramref name="after"/>
    /// (from the start when null). Unlike offset pages it stays stable and fast however deep a client pages (the API).
    /// </summary>
    public async Task<ExampleSlice> SearchAfterAsync(int datasetId, ExampleQuery query, ExampleCursor? after, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var key = SortKey(query);
        var filtered = Filter(db.Examples.AsNoTracking(), datasetId, query);
        var total = await filtered.CountAsync(cancellationToken);
        var pageSize = Math.Clamp(query.PageSize, 1, ExampleQuery.MaxPageSize);

        if (query.Sort == ExampleSort.IssueRank)
            return await IssueRankSliceAsync(db, datasetId, query, filtered, after, total, pageSize, cancellationToken);

        var rows = filtered.Select(KeyedRowSelector(key));
        if (after is not null)
            rows = rows.Where(r => EF.Functions.GreaterThan(ValueTuple.Create(r.Key, r.StudyIndex), ValueTuple.Create(after.Key, after.StudyIndex)));
        var keys = await rows.OrderBy(r => r.Key).ThenBy(r => r.StudyIndex)
            .Take(pageSize + 1)
            .ToListAsync(cancellationToken);

        return await SliceAsync(db, datasetId, query, keys.Select(k => (k.Key, k.StudyIndex)).ToList(), total, pageSize, cancellationToken);
    }

    private static async Task<ExampleSlice> IssueRankSliceAsync(LabelErrorsDbContext db, int datasetId, ExampleQuery query,
        IQueryable<Example> filtered, ExampleCursor? after, int total, int pageSize, CancellationToken cancellationToken)
    {
        var from = after is null ? (IssueRankKeyset.Position?)null : IssueRankKeyset.Position.FromKey(after.Key, after.StudyIndex);
        var positions = await IssueRankKeyset.AfterAsync(filtered, query, from, pageSize + 1, cancellationToken);
        return await SliceAsync(db, datasetId, query, positions.Select(p => (p.Key, p.StudyIndex)).ToList(), total, pageSize, cancellationToken);
    }

    /// <summary>The slice of the first <paramref name="pageSize"/> of <paramref name="keys"/> (one more tells there is a next).</summary>
    private static async Task<ExampleSlice> SliceAsync(LabelErrorsDbContext db, int datasetId, ExampleQuery query,
        List<(double Key, long StudyIndex)> keys, int total, int pageSize, CancellationToken cancellationToken)
    {
        var pageKeys = keys.Take(pageSize).ToList();
        if (pageKeys.Count == 0)
            return new ExampleSlice([], total, null);
        var indices = pageKeys.Select(r => r.StudyIndex).ToArray();
        var items = await db.Examples.AsNoTracking()
            .Where(e => e.DatasetId == datasetId && indices.Contains(e.StudyIndex))
            .Select(ToListItem)
            .ToListAsync(cancellationToken);
        var byIndex = items.ToDictionary(i => i.StudyIndex);
        var ordered = indices.Select(i => byIndex[i]).ToList();

        var next = keys.Count > pageSize && pageKeys.Count > 0
            ? new ExampleCursor(query.Sort, query.AgreementOption, pageKeys[^1].Key, pageKeys[^1].StudyIndex)
            : null;
        return new ExampleSlice(ordered, total, next);
    }

    // Positions are compared as row values, (key, study_index) > (k, i): the same order as "key > k or (key = k and
    // study_index > i)" (neither is ever null), but PostgreSQL can start the index scan at the position instead of
    // reading the scope's rows from its start and filtering them (ImageNet's last validated error: 2,916 rows).

    /// <summary>The examples just before and after <paramref name="studyIndex"/> in the query's order (prev/next on a permalink).</summary>
    public async Task<ExampleNeighbours> NeighboursAsync(int datasetId, ExampleQuery query, long studyIndex, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var key = SortKey(query);
        var rows = Filter(db.Examples.AsNoTracking(), datasetId, query).Select(KeyedRowSelector(key));

        var current = await db.Examples.AsNoTracking()
            .Where(e => e.DatasetId == datasetId && e.StudyIndex == studyIndex)
            .Select(KeyedRowSelector(key))
            .FirstOrDefaultAsync(cancellationToken);
        if (current is null)
            return new ExampleNeighbours(null, null);
        if (query.Sort == ExampleSort.IssueRank)
            return await IssueRankKeyset.NeighboursAsync(
                Filter(db.Examples.AsNoTracking(), datasetId, query), query, IssueRankKeyset.Position.FromKey(current.Key, current.StudyIndex), cancellationToken);

        var next = await rows
            .Where(r => EF.Functions.GreaterThan(ValueTuple.Create(r.Key, r.StudyIndex), ValueTuple.Create(current.Key, current.StudyIndex)))
            .OrderBy(r => r.Key).ThenBy(r => r.StudyIndex)
            .Select(r => (long?)r.StudyIndex)
            .FirstOrDefaultAsync(cancellationToken);
        var previous = await rows
            .Where(r => EF.Functions.LessThan(ValueTuple.Create(r.Key, r.StudyIndex), ValueTuple.Create(current.Key, current.StudyIndex)))
            .OrderByDescending(r => r.Key).ThenByDescending(r => r.StudyIndex)
            .Select(r => (long?)r.StudyIndex)
            .FirstOrDefaultAsync(cancellationToken);
        return new ExampleNeighbours(previous, next);
    }

    /// <summary>
    /// One study example with its votes, text and visitor tally, and its previous and next examples in the query's
    /// order, in one statement (one round trip): the permalink page's data. The neighbours are the same as
    /// <see cref="NeighboursAsync"/>'s (the same keys, compared as row values from the example's own key).
    /// </summary>
    public async Task<(Example? Example, ExampleNeighbours Neighbours)> FindWithNeighboursAsync(
        int datasetId, long studyIndex, ExampleQuery query, CancellationToken cancellationToken = default)
    {
        if (query.Sort == ExampleSort.IssueRank)
            return await FindWithIssueRankNeighboursAsync(datasetId, studyIndex, query, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // One dataset's point lookup: planning it cost several times its execution, so its plan is kept (CachedPlans).
        CachedPlans.Use(db);
        var rows = FilterIn(InDatasetConstant(db.Examples.AsNoTracking(), datasetId), query).Select(KeyedRowSelector(SortKey(query)));
        var found = await InDatasetConstant(db.Examples.AsNoTracking(), datasetId)
            .Where(e => e.StudyIndex == studyIndex)
            .Select(KeyedExampleSelector(SortKey(query)))
            .Select(c => new
            {
                c.Example,
                c.Example.Votes,
                // Without its search vector: the page never reads it, and it is the largest column of a text.
                Text = c.Example.Text == null ? null
                    : new ExampleText { DatasetId = c.Example.Text.DatasetId, ExampleId = c.Example.Text.ExampleId, Text = c.Example.Text.Text },
                c.Example.VisitorTally,
                Next = rows
                    .Where(r => EF.Functions.GreaterThan(ValueTuple.Create(r.Key, r.StudyIndex), ValueTuple.Create(c.Key, c.StudyIndex)))
                    .OrderBy(r => r.Key).ThenBy(r => r.StudyIndex)
                    .Select(r => (long?)r.StudyIndex)
                    .FirstOrDefault(),
                Previous = rows
                    .Where(r => EF.Functions.LessThan(ValueTuple.Create(r.Key, r.StudyIndex), ValueTuple.Create(c.Key, c.StudyIndex)))
                    .OrderByDescending(r => r.Key).ThenByDescending(r => r.StudyIndex)
                    .Select(r => (long?)r.StudyIndex)
                    .FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
            return (null, new ExampleNeighbours(null, null));
        var example = found.Example;
        (example.Votes, example.Text, example.VisitorTally) = (found.Votes, found.Text, found.VisitorTally);
        return (example, new ExampleNeighbours(found.Previous, found.Next));
    }

    // In the issue-rank order the neighbours are two runs (IssueRankKeyset), which one statement cannot hold without
    // planning both for every example: the example first, then its neighbours from its rank (three round trips).
    private async Task<(Example? Example, ExampleNeighbours Neighbours)> FindWithIssueRankNeighboursAsync(
        int datasetId, long studyIndex, ExampleQuery query, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = await db.Examples.AsNoTracking()
            .Where(e => e.DatasetId == datasetId && e.StudyIndex == studyIndex)
            .Select(e => new
            {
                Example = e,
                e.Votes,
                Text = e.Text == null ? null
                    : new ExampleText { DatasetId = e.Text.DatasetId, ExampleId = e.Text.ExampleId, Text = e.Text.Text },
                e.VisitorTally,
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
            return (null, new ExampleNeighbours(null, null));
        var example = found.Example;
        (example.Votes, example.Text, example.VisitorTally) = (found.Votes, found.Text, found.VisitorTally);
        var neighbours = await IssueRankKeyset.NeighboursAsync(Filter(db.Examples.AsNoTracking(), datasetId, query), query,
            new IssueRankKeyset.Position(example.IssueRank, example.StudyIndex), cancellationToken);
        return (example, neighbours);
    }

    /// <summary>The query's filters as a composable <see cref="IQueryable{T}"/> (the API's exports reuse it).</summary>
    public static IQueryable<Example> Filter(IQueryable<Example> examples, int datasetId, ExampleQuery query) =>
        FilterIn(examples.Where(e => e.DatasetId == datasetId), query);

    // The dataset as a constant in the SQL, not a parameter: a prepared statement is then one dataset's, planned for
    // its own partition only (CachedPlans). Only for statements on the CachedPlans pool: elsewhere each dataset would
    // take a prepared statement of its own for nothing.
    private static IQueryable<Example> InDatasetConstant(IQueryable<Example> examples, int datasetId) =>
        examples.Where(e => e.DatasetId == EF.Constant(datasetId));

    private static IQueryable<Example> FilterIn(IQueryable<Example> q, ExampleQuery query)
    {
        q = query.Scope switch
        {
            ExampleScope.Validated => q.Where(e => e.IsValidatedError),
            ExampleScope.MturkChecked => q.Where(e => e.IsMturkChecked),
            ExampleScope.ClFlagged => q.Where(e => e.IsClFlagged),
            // Flagged ⇔ ranked for an upload; asking for the rank lets PostgreSQL read the partial issue-rank index.
            ExampleScope.Issues => q.Where(e => e.IssueRank != null),
            // The partial outlier index's own condition, so PostgreSQL reads it (and gets the score order from it).
            ExampleScope.Outliers => q.Where(e => e.IsOutlier),
            _ => q,
        };

        if (query.MinAgreement > 0)
        {
            var k = query.MinAgreement;
            q = query.AgreementOption switch
            {
                VoteOption.Given => q.Where(e => e.Votes!.Given >= k),
                VoteOption.Both => q.Where(e => e.Votes!.Both >= k),
                VoteOption.Neither => q.Where(e => e.Votes!.Neither >= k),
                _ => q.Where(e => e.Votes!.Guessed >= k),
            };
        }
        if (query.GivenFewerThan is { } fewer)
            q = q.Where(e => e.Votes != null && e.Votes.Given < fewer);
        if (query.Consensus.Count > 0)
        {
            var categories = query.Consensus.Select(c => (ConsensusCategory?)c).ToArray();
            q = q.Where(e => categories.Contains(e.Consensus));
        }
        if (query.GivenClass is { } given)
            q = q.Where(e => e.GivenLabel == given);
        if (query.GuessedClass is { } guessed)
            q = q.Where(e => e.GuessedLabel == guessed);
        if (query.SuggestedClass is { } suggested)
            q = q.Where(e => e.PredictedLabel == suggested);
        // Written as the label-quality key index is (COALESCE(label_quality, double.MaxValue)), so it can be a range on it.
        if (query.MaxLabelQuality is { } maxQuality)
            q = q.Where(e => (e.LabelQuality ?? double.MaxValue) <= maxQuality);
        if (query.Annotator is { } annotator)
            q = query.AnnotatorDisagrees
                ? q.Where(e => e.Annotations.Any(a => a.Annotator == annotator && a.Label != e.GivenLabel))
                : q.Where(e => e.Annotations.Any(a => a.Annotator == annotator));
        if (query.MaxAnnotatorAgreement is { } maxAgreement)
            q = q.Where(e => e.AnnotatorAgreement <= maxAgreement);
        if (query.Disputed)
            q = q.Where(e => e.VisitorTally != null && e.VisitorTally.IsDisputed);
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            // websearch_to_tsquery accepts what people type ("quoted phrases", or, -minus) and never throws on syntax.
            var text = query.Text;
            q = q.Where(e => e.Text != null && e.Text.SearchVector.Matches(EF.Functions.WebSearchToTsQuery("english", text)));
        }
        return q;
    }

    /// <summary>The query's order: its sort key ascending, then the study index (a total order, so paging is stable).</summary>
    public static IOrderedQueryable<Example> Order(IQueryable<Example> examples, ExampleQuery query) => query.Sort switch
    {
        ExampleSort.Index => examples.OrderBy(e => e.StudyIndex),
        // The bare column (ascending puts NULLs last, as the key does) so the partial issue-rank index gives the order.
        ExampleSort.IssueRank => examples.OrderBy(e => e.IssueRank).ThenBy(e => e.StudyIndex),
        // Likewise the bare column: (dataset_id, is_outlier, outlier_score) gives the order within the outliers scope.
        ExampleSort.OutlierScore => examples.OrderBy(e => e.OutlierScore).ThenBy(e => e.StudyIndex),
        _ => examples.OrderBy(SortKey(query)).ThenBy(e => e.StudyIndex),
    };

    // One ascending key per sort, used both for ordering and for prev/next, so the two can never disagree.
    // Missing values sort last: examples without a label quality, or without votes for the chosen option.
    private static Expression<Func<Example, double>> SortKey(ExampleQuery query) => query.Sort switch
    {
        ExampleSort.LabelQuality => e => e.LabelQuality ?? double.MaxValue,
        ExampleSort.Agreement => query.AgreementOption switch
        {
            VoteOption.Given => e => e.Votes == null ? 1.0 : -e.Votes.Given,
            VoteOption.Both => e => e.Votes == null || e.Votes.Both == null ? 1.0 : -e.Votes.Both.Value,
            VoteOption.Neither => e => e.Votes == null || e.Votes.Neither == null ? 1.0 : -e.Votes.Neither.Value,
            _ => e => e.Votes == null ? 1.0 : -e.Votes.Guessed,
        },
        ExampleSort.IssueRank => e => e.IssueRank == null ? double.MaxValue : (double)e.IssueRank.Value,
        ExampleSort.OutlierScore => e => e.OutlierScore ?? double.MaxValue,
        _ => e => 0.0,
    };

    private static Expression<Func<Example, KeyedRow>> KeyedRowSelector(Expression<Func<Example, double>> key)
    {
        var example = key.Parameters[0];
        var body = Expression.MemberInit(
            Expression.New(typeof(KeyedRow)),
            Expression.Bind(typeof(KeyedRow).GetProperty(nameof(KeyedRow.StudyIndex))!, Expression.Property(example, nameof(Example.StudyIndex))),
            Expression.Bind(typeof(KeyedRow).GetProperty(nameof(KeyedRow.Key))!, key.Body));
        return Expression.Lambda<Func<Example, KeyedRow>>(body, example);
    }

    private static Expression<Func<Example, KeyedExample>> KeyedExampleSelector(Expression<Func<Example, double>> key)
    {
        var example = key.Parameters[0];
        var body = Expression.MemberInit(
            Expression.New(typeof(KeyedExample)),
            Expression.Bind(typeof(KeyedExample).GetProperty(nameof(KeyedExample.Example))!, example),
            Expression.Bind(typeof(KeyedExample).GetProperty(nameof(KeyedExample.StudyIndex))!, Expression.Property(example, nameof(Example.StudyIndex))),
            Expression.Bind(typeof(KeyedExample).GetProperty(nameof(KeyedExample.Key))!, key.Body));
        return Expression.Lambda<Func<Example, KeyedExample>>(body, example);
    }

    private static readonly Expression<Func<Example, ExampleListItem>> ToListItem = e => new ExampleListItem
    {
        StudyIndex = e.StudyIndex,
        GivenLabel = e.GivenLabel,
        GuessedLabel = e.GuessedLabel,
        LabelQuality = e.LabelQuality,
        PredictedLabel = e.PredictedLabel,
        IssueRank = e.IssueRank,
        OutlierScore = e.OutlierScore,
        IsOutlier = e.IsOutlier,
        IsValidatedError = e.IsValidatedError,
        Consensus = e.Consensus,
        ExternalId = e.ExternalId,
        ClipStartSeconds = e.ClipStartSeconds,
        ClipEndSeconds = e.ClipEndSeconds,
        GivenLabelNames = e.GivenLabelNames,
        GuessedLabelNames = e.GuessedLabelNames,
        Snippet = e.Text == null ? null : e.Text.Text.Substring(0, SnippetLength),
        Votes = e.Votes == null ? null : new VoteCounts(e.Votes.Given, e.Votes.Guessed, e.Votes.Both, e.Votes.Neither, e.Votes.Neutral, e.Votes.OffTopic, e.Votes.Total),
        IsDisputed = e.VisitorTally != null && e.VisitorTally.IsDisputed,
        AnnotatorAgreement = e.AnnotatorAgreement,
        NumAnnotations = e.NumAnnotations,
    };

    private sealed class KeyedRow
    {
        public long StudyIndex { get; init; }
        public double Key { get; init; }
    }

    private sealed class KeyedExample
    {
        public required Example Example { get; init; }
        public long StudyIndex { get; init; }
        public double Key { get; init; }
    }
}
