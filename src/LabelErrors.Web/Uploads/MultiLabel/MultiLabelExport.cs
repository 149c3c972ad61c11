using System.Globalization;
using System.Text.Json;
using LabelErrors.Core.Formats;
using LabelErrors.Data;
using LabelErrors.Data.Entities;
using LabelErrors.Web.Review;
using LabelErrors.Web.Review.MultiLabel;
using Microsoft.EntityFrameworkCore;

namespace LabelErrors.Web.Uploads.MultiLabel;

/// <summary>
/// The downloads of a multi-label upload, streamed in example order: the cleaned labels (every flagged class toggled:
/// a missing label added, a wrong one removed) as JSON (an array of arrays of class ids, the upload's own labels
/// format) or CSV <c>index,labels</c> (class ids separated by <see cref="LabelSeparator"/>), and the ranked issues CSV.
/// Review decisions apply: a decided example has its decided set and an excluded one is left out.
/// </summary>
public sealed class MultiLabelExport(IDbContextFactory<LabelErrorsDbContext> contexts)
{
    /// <summary>Between the class ids of one CSV cell: ';' (as the CLI's multi-label output), so the comma stays the field separator.</summary>
    public const char LabelSeparator = ';';

    public const string IssuesHeader = "index,given_labels,suggested_labels,label_missing,label_wrong,label_quality";

    public Task WriteCleanedCsvAsync(int datasetId, TextWriter writer, CancellationToken cancellationToken) =>
        WriteSetsCsvAsync(datasetId, MultiLabelBaseline.Suggested, ExcludedHandling.Drop, writer, cancellationToken);

    public Task WriteCleanedJsonAsync(int datasetId, Stream destination, CancellationToken cancellationToken) =>
        WriteSetsJsonAsync(datasetId, MultiLabelBaseline.Suggested, ExcludedHandling.Drop, destination, cancellationToken);

    /// <summary>
    /// Every example's label set after the review as CSV <c>index,labels</c>: its current decision's set, else the
    /// <paramref name="baseline"/> set; an excluded example left out or marked with the labels cell <c>-1</c>.
    /// </summary>
    public async Task WriteSetsCsvAsync(int datasetId, MultiLabelBaseline baseline, ExcludedHandling excluded, TextWriter writer, CancellationToken cancellationToken)
    {
        await using var csv = CsvOutput.Create(writer);
        csv.WriteHeader(["index", "labels"]);
        await foreach (var (index, set) in SetsAsync(datasetId, baseline, excluded, cancellationToken))
        {
            csv.WriteField(index.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(set is null
                ? CleanedLabels.ExcludedMark.ToString(CultureInfo.InvariantCulture)
                : string.Join(LabelSeparator, set.Select(c => c.ToString(CultureInfo.InvariantCulture))));
            await csv.EndRecordAsync(cancellationToken);
        }
    }

    /// <summary>As <see cref="WriteSetsCsvAsync"/>, as a JSON array of arrays of class ids (a marked excluded example is <c>null</c>).</summary>
    public async Task WriteSetsJsonAsync(int datasetId, MultiLabelBaseline baseline, ExcludedHandling excluded, Stream destination, CancellationToken cancellationToken)
    {
        await using var json = new Utf8JsonWriter(destination);
        json.WriteStartArray();
        await foreach (var (_, set) in SetsAsync(datasetId, baseline, excluded, cancellationToken))
        {
            if (set is null)
            {
                json.WriteNullValue();
                continue;
            }
            json.WriteStartArray();
            foreach (var c in set)
                json.WriteNumberValue(c);
            json.WriteEndArray();
            if (json.BytesPending > 1 << 16)
                await json.FlushAsync(cancellationToken);
        }
        json.WriteEndArray();
        await json.FlushAsync(cancellationToken);
    }

    /// <summary>Each example's set in index order with the review decisions applied (null = excluded and marked; dropped ones are skipped).</summary>
    private async IAsyncEnumerable<(long Index, int[]? Set)> SetsAsync(
        int datasetId, MultiLabelBaseline baseline, ExcludedHandling excluded, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Dictionary<long, ReviewDecision> decisions;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
            decisions = await ReviewService.CurrentAsync(db, datasetId, cancellationToken);
        await foreach (var (index, classes) in ExamplesAsync(datasetId, issuesOnly: false, cancellationToken))
        {
            var set = MultiLabelDecisionRule.Apply(
                classes.Where(c => c.IsGiven).Select(c => c.ClassIndex).ToList(),
                classes.Where(c => c.IsSuggested).Select(c => c.ClassIndex).ToList(),
                decisions.GetValueOrDefault(index), baseline);
            if (set is null && excluded == ExcludedHandling.Drop)
                continue;
            yield return (index, set);
        }
    }

    /// <summary>The flagged examples in rank order with their given and suggested sets and the classes behind each kind of issue.</summary>
    public async Task WriteIssuesCsvAsync(int datasetId, TextWriter writer, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var quality = await db.Examples.AsNoTracking().Where(e => e.DatasetId == datasetId && e.IssueRank != null)
            .ToDictionaryAsync(e => e.StudyIndex, e => (e.IssueRank!.Value, e.LabelQuality ?? double.NaN), cancellationToken);
        var rows = new List<(int Rank, long Index, List<MultiLabelClass> Classes)>(quality.Count);
        await foreach (var (index, classes) in ExamplesAsync(datasetId, issuesOnly: true, cancellationToken))
            rows.Add((quality[index].Item1, index, classes));
        await using var csv = CsvOutput.Create(writer);
        csv.WriteHeader(IssuesHeader.Split(','));
        foreach (var (rank, index, classes) in rows.OrderBy(r => r.Rank))
        {
            csv.WriteField(index.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(Join(classes.Where(c => c.IsGiven)));
            csv.WriteField(Join(classes.Where(c => c.IsSuggested)));
            csv.WriteField(Join(classes.Where(c => c.Issue == MultiLabelIssueKind.LabelMissing)));
            csv.WriteField(Join(classes.Where(c => c.Issue == MultiLabelIssueKind.LabelWrong)));
            csv.WriteField(quality[index].Item2.ToString("R", CultureInfo.InvariantCulture));
            await csv.EndRecordAsync(cancellationToken);
        }
    }

    private static string Join(IEnumerable<MultiLabelClass> classes) =>
        string.Join(LabelSeparator, classes.Select(c => c.ClassIndex.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Every example (or every flagged one) in index order with its stored classes, one query streamed.</summary>
    private async IAsyncEnumerable<(long Index, List<MultiLabelClass> Classes)> ExamplesAsync(
        int datasetId, bool issuesOnly, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows =
            from e in db.Examples.AsNoTracking().Where(e => e.DatasetId == datasetId && (!issuesOnly || e.IssueRank != null))
            from l in db.ExampleClassLabels.Where(l => l.DatasetId == e.DatasetId && l.ExampleId == e.Id).DefaultIfEmpty()
            orderby e.StudyIndex, l!.ClassIndex
            select new { e.StudyIndex, Class = (int?)l!.ClassIndex, IsGiven = (bool?)l.IsGiven, Issue = l.Issue };
        long? current = null;
        var classes = new List<MultiLabelClass>();
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (current is { } index && index != row.StudyIndex)
            {
                yield return (index, classes);
                classes = [];
            }
            current = row.StudyIndex;
            if (row.Class is { } c)
                classes.Add(new MultiLabelClass(c, row.IsGiven == true, 0, 0, row.Issue));
        }
        if (current is { } last)
            yield return (last, classes);
    }
}
