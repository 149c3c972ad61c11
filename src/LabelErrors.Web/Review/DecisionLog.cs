using System.Globalization;
using CsvHelper;
using LabelErrors.Core.Formats;
using LabelErrors.Data;
using Microsoft.EntityFrameworkCore;

namespace LabelErrors.Web.Review;

/// <summary>The decision log as CSV: every decision in the order made, undone ones included (with when).</summary>
public sealed class DecisionLog(IDbContextFactory<LabelErrorsDbContext> contexts)
{
    public const string Header = "index,decision,label,given_label,suggested_label,note,decided_at,batch,undone_at";

    /// <summary>The header of a multi-annotator upload's log: the label a decision replaces is the annotators' consensus.</summary>
    public const string ConsensusHeader = "index,decision,label,consensus_label,suggested_label,note,decided_at,batch,undone_at";

    public async Task WriteCsvAsync(int datasetId, TextWriter writer, CancellationToken cancellationToken = default, bool consensus = false)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var csv = CsvOutput.Create(writer);
        csv.WriteHeader((consensus ? ConsensusHeader : Header).Split(','));
        var rows = db.ReviewDecisions.AsNoTracking()
            .Where(d => d.DatasetId == datasetId)
            .OrderBy(d => d.Id)
            .Join(db.Examples, d => new { d.DatasetId, d.ExampleId }, e => new { e.DatasetId, ExampleId = e.Id }, (d, e) => new { d, e.GivenLabel, Suggested = e.GuessedLabel ?? e.PredictedLabel })
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            var d = row.d;
            foreach (var field in (string[])[I(d.StudyIndex), DecisionNames.Format(d.Kind), I(d.Label), I(row.GivenLabel), I(row.Suggested)])
                csv.WriteField(field);
            csv.WriteField(Note(d.Note ?? ""), CsvQuoting.WhenNeeded);
            foreach (var field in (string[])[T(d.DecidedAt), d.BatchId?.ToString("N") ?? "", T(d.UndoneAt)])
                csv.WriteField(field);
            await csv.EndRecordAsync(cancellationToken);
        }
    }

    private static string I(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string T(DateTimeOffset? value) => value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) ?? "";

    // A leading formula character neutralised: the log is meant to be opened in spreadsheets. Our own rule (a note
    // such as "-3 stars" is not a formula), not CsvHelper's injection option, which also quotes every such field.
    private static string Note(string note) => Uploads.SpreadsheetFormulas.LooksLikeFormula(note) ? "'" + note : note;
}
