using System.Globalization;
using LabelErrors.Data;
using Microsoft.EntityFrameworkCore;

namespace LabelErrors.Web.Review;

/// <summary>The decision log as CSV: every decision in the order made, undone ones included (with when).</summary>
public sealed class DecisionLog(IDbContextFactory<LabelErrorsDbContext> contexts)
{
    public const string Header = "index,decision,label,given_label,suggested_label,note,decided_at,batch,undone_at";

    public async Task WriteCsvAsync(int datasetId, TextWriter writer, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await writer.WriteAsync(Header + "\n");
        var rows = db.ReviewDecisions.AsNoTracking()
            .Where(d => d.DatasetId == datasetId)
            .OrderBy(d => d.Id)
            .Join(db.Examples, d => new { d.DatasetId, d.ExampleId }, e => new { e.DatasetId, ExampleId = e.Id }, (d, e) => new { d, e.GivenLabel, Suggested = e.GuessedLabel ?? e.PredictedLabel })
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            var d = row.d;
            string[] fields =
            [
                I(d.StudyIndex), DecisionNames.Format(d.Kind), I(d.Label), I(row.GivenLabel), I(row.Suggested), Quote(d.Note ?? ""),
                T(d.DecidedAt), d.BatchId?.ToString("N") ?? "", T(d.UndoneAt),
            ];
            await writer.WriteAsync(string.Join(',', fields) + "\n");
        }
    }

    private static string I(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string T(DateTimeOffset? value) => value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) ?? "";

    // RFC 4180, and a leading formula character neutralised: the log is meant to be opened in spreadsheets.
    private static string Quote(string field)
    {
        if (Uploads.SpreadsheetFormulas.LooksLikeFormula(field))
            field = "'" + field;
        return field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;
    }
}
