using LabelErrors.Core.Formats;

namespace LabelErrors.Tests.Shared;

/// <summary>Seeded outliers for a <see cref="SyntheticUpload"/>: rows the model cannot place (near-uniform pred_probs).</summary>
public static class SyntheticOutliers
{
    /// <summary>
    /// Makes every <paramref name="every"/>-th row (starting at <paramref name="first"/>) near-uniform, rewrites the
    /// pred_probs file, and returns those rows: the obvious outliers of the set (their labels are kept).
    /// </summary>
    public static int[] AddUniformRows(this SyntheticUpload data, int first, int every, int seed = 3)
    {
        var random = new Random(seed);
        var rows = Enumerable.Range(0, data.Examples).Where(i => i >= first && (i - first) % every == 0).ToArray();
        var k = data.Classes;
        var row = new double[k];
        foreach (var i in rows)
        {
            var sum = 0.0;
            for (var c = 0; c < k; c++)
                sum += row[c] = 1.0 + random.NextDouble() * 0.02;
            for (var c = 0; c < k; c++)
                data.PredProbs[i * k + c] = (float)(row[c] / sum);
        }
        Npy.Write(data.PredProbsPath, data.PredProbs, data.Examples, k);
        return rows;
    }
}
