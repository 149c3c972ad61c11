using LabelErrors.Core.Formats;
using LabelErrors.Data.Entities;
using LabelErrors.Web.Jobs;
using LabelErrors.Web.Uploads;
using Microsoft.Extensions.Caching.Memory;

namespace LabelErrors.Web.Review;

/// <summary>
/// Every class ranked by the model's predicted probability for one example of an upload, read from its stored
/// pred_probs file. The matrix is read once and kept for a while: a review asks for one row after another.
/// </summary>
public sealed class PredictedClasses(UploadStorage storage, IMemoryCache cache)
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(10);

    public async Task<IReadOnlyList<(int Label, double Probability)>> RankedAsync(Dataset dataset, long studyIndex, CancellationToken cancellationToken = default)
    {
        if (dataset.Upload is not { } upload)
            return [];
        var matrix = await cache.GetOrCreateAsync(("pred_probs", dataset.Id), entry =>
        {
            entry.SlidingExpiration = KeepFor;
            var path = UploadFiles.Of(upload, storage).PredProbsPath;
            return Task.Run(() => InputFiles.ReadPredProbs(path).Matrix, cancellationToken);
        });
        if (matrix is null || studyIndex < 0 || studyIndex >= matrix.Rows)
            return [];
        var row = new double[matrix.Columns];
        matrix.CopyRow((int)studyIndex, row);
        return row.Select((p, label) => (label, p)).OrderByDescending(p => p.p).ThenBy(p => p.label).ToList();
    }
}
