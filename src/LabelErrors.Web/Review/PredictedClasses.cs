using System.Numerics;
using LabelErrors.Core.ConfidentLearning.Streaming;
using LabelErrors.Core.Formats;
using LabelErrors.Data.Entities;
using LabelErrors.Web.Jobs;
using LabelErrors.Web.Uploads;
using Microsoft.Extensions.Caching.Memory;

namespace LabelErrors.Web.Review;

/// <summary>
/// Every class ranked by the model's predicted probability for one example of an upload, read from its stored
/// pred_probs file. A float <c>.npy</c> in C order (what uploads usually are) is read one row at a time, straight from
/// the file, so a review of a million-row upload holds no copy of the matrix. Other files (CSV, Fortran order, integer
/// dtypes) are read whole once and kept for a while, as a review asks for one row after another.
/// </summary>
public sealed class PredictedClasses(UploadStorage storage, IMemoryCache cache)
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(10);

    public async Task<IReadOnlyList<(int Label, double Probability)>> RankedAsync(Dataset dataset, long studyIndex, CancellationToken cancellationToken = default)
    {
        if (dataset.Upload is not { } upload || studyIndex < 0)
            return [];
        var path = UploadFiles.Of(upload, storage).PredProbsPath;
        var row = StreamedPredProbsValidation.CanStream(path)
            ? ReadRowFromFile(path, studyIndex)
            : await ReadRowFromWholeMatrixAsync(dataset.Id, path, studyIndex, cancellationToken);
        return row is null ? [] : row.Select((p, label) => (label, p)).OrderByDescending(p => p.p).ThenBy(p => p.label).ToList();
    }

    private static double[]? ReadRowFromFile(string path, long studyIndex)
    {
        using var source = NpyPredProbsFile.Open(path);
        if (studyIndex >= source.N)
            return null;
        return source switch
        {
            PredProbsSource<Half> half => Widen(half, (int)studyIndex),
            PredProbsSource<float> single => Widen(single, (int)studyIndex),
            PredProbsSource<double> wide => Widen(wide, (int)studyIndex),
            _ => null,
        };
    }

    private static double[] Widen<T>(PredProbsSource<T> source, int row) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var values = source.ReadRows(row, 1, new T[source.K]);
        var result = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
            result[i] = double.CreateTruncating(values[i]);
        return result;
    }

    private async Task<double[]?> ReadRowFromWholeMatrixAsync(long datasetId, string path, long studyIndex, CancellationToken cancellationToken)
    {
        var matrix = await cache.GetOrCreateAsync(("pred_probs", datasetId), entry =>
        {
            entry.SlidingExpiration = KeepFor;
            return Task.Run(() => InputFiles.ReadPredProbs(path).Matrix, cancellationToken);
        });
        if (matrix is null || studyIndex >= matrix.N)
            return null;
        var row = new double[matrix.K];
        matrix.CopyRow((int)studyIndex, row);
        return row;
    }
}
