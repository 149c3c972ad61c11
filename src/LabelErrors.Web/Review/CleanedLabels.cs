using LabelErrors.Data;
using LabelErrors.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LabelErrors.Web.Review;

/// <summary>
/// The labels after the review: each example's given label, replaced by its current decision's label (keep, accept,
/// relabel); excluded examples dropped or marked; undecided and "needs review" examples keep their given label.
/// </summary>
public sealed class CleanedLabels(IDbContextFactory<LabelErrorsDbContext> contexts)
{
    public const long ExcludedMark = -1;

    public async Task<long[]> ComputeAsync(int datasetId, ExcludedHandling excluded, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var current = await ReviewService.CurrentAsync(db, datasetId, cancellationToken);
        var labels = new List<long>();
        var rows = db.Examples.AsNoTracking().Where(e => e.DatasetId == datasetId).OrderBy(e => e.StudyIndex)
            .Select(e => new { e.StudyIndex, e.GivenLabel }).AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            if (!current.TryGetValue(row.StudyIndex, out var decision))
            {
                labels.Add(row.GivenLabel);
                continue;
            }
            switch (decision.Kind)
            {
                case ReviewDecisionKind.Exclude when excluded == ExcludedHandling.Drop:
                    break;
                case ReviewDecisionKind.Exclude:
                    labels.Add(ExcludedMark);
                    break;
                default:
                    labels.Add(decision.Label ?? row.GivenLabel);
                    break;
            }
        }
        return labels.ToArray();
    }

    /// <summary>Writes <paramref name="labels"/> as the upload's labels formats: int64 .npy, or CSV with a <c>label</c> header.</summary>
    public static async Task WriteAsync(long[] labels, CleanedFormat format, Stream output, CancellationToken cancellationToken)
    {
        if (format == CleanedFormat.Npy)
        {
            // The npy writer is synchronous; buffer so Kestrel's response stream is only written asynchronously.
            using var buffer = new MemoryStream();
            Core.Formats.Npy.Write(buffer, labels, labels.Length);
            buffer.Position = 0;
            await buffer.CopyToAsync(output, cancellationToken);
            return;
        }
        await using var writer = new StreamWriter(output, new System.Text.UTF8Encoding(false), leaveOpen: true);
        await writer.WriteAsync("label\n");
        foreach (var label in labels)
            await writer.WriteAsync(label.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n");
    }

    /// <summary>The format the labels came in: .npy stays .npy, anything else (CSV, text) is CSV.</summary>
    public static CleanedFormat UploadedFormat(UploadInfo upload) =>
        Uploads.UploadService.ParseStoredName(upload.LabelsFile).DisplayName.EndsWith(".npy", StringComparison.OrdinalIgnoreCase)
            ? CleanedFormat.Npy
            : CleanedFormat.Csv;
}
