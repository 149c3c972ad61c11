using System.Globalization;
using CsvHelper;
using LabelErrors.Core.Formats;
using LabelErrors.Data;
using LabelErrors.Web.Uploads.MultiLabel;
using Microsoft.EntityFrameworkCore;

namespace LabelErrors.Web.Review.MultiLabel;

/// <summary>
/// A multi-label upload's decision log as CSV: every decision in the order made, undone ones included, with the decided
/// set and the example's given and suggested sets (class ids separated by ';', as in labels-fixed.csv).
/// </summary>
public sealed class MultiLabelDecisionLog(IDbContextFactory<LabelErrorsDbContext> contexts)
{
    public const string Header = "index,decision,labels,given_labels,suggested_labels,note,decided_at,batch,undone_at";

    public async Task WriteCsvAsync(int datasetId, TextWriter writer, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var decisions = await db.ReviewDecisions.AsNoTracking().Where(d => d.DatasetId == datasetId).OrderBy(d => d.Id).ToListAsync(cancellationToken);
        var ids = decisions.Select(d => d.ExampleId).Distinct().ToArray();
        var classes = (await db.ExampleClassLabels.AsNoTracking()
                .Where(l => l.DatasetId == datasetId && ids.Contains(l.ExampleId))
                .Select(l => new { l.ExampleId, l.ClassIndex, l.IsGiven, l.Issue })
                .ToListAsync(cancellationToken))
            .ToLookup(l => l.ExampleId);
        await using var csv = CsvOutput.Create(writer);
        csv.WriteHeader(Header.Split(','));
        foreach (var d in decisions)
        {
            var given = classes[d.ExampleId].Where(c => c.IsGiven).Select(c => c.ClassIndex).Order();
            var suggested = classes[d.ExampleId].Where(c => c.IsGiven != (c.Issue != null)).Select(c => c.ClassIndex).Order();
            foreach (var field in (string[])[I(d.StudyIndex), DecisionNames.Format(d.Kind), d.Labels is null ? "" : Join(d.Labels), Join(given), Join(suggested)])
                csv.WriteField(field);
            csv.WriteField(Note(d.Note ?? ""), CsvQuoting.WhenNeeded);
            foreach (var field in (string[])[T(d.DecidedAt), d.BatchId?.ToString("N") ?? "", T(d.UndoneAt)])
                csv.WriteField(field);
            await csv.EndRecordAsync(cancellationToken);
        }
    }

    private static string Join(IEnumerable<int> set) => string.Join(MultiLabelExport.LabelSeparator, set.Select(c => c.ToString(CultureInfo.InvariantCulture)));

    private static string I(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string T(DateTimeOffset? value) => value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) ?? "";

    // As DecisionLog: a note that looks like a spreadsheet formula is neutralised.
    private static string Note(string note) => Uploads.SpreadsheetFormulas.LooksLikeFormula(note) ? "'" + note : note;
}
