using LabelErrors.Core.ConfidentLearning;
using LabelErrors.Core.ConfidentLearning.Outliers;

namespace LabelErrors.Core.Tests.ConfidentLearning.Outliers;

/// <summary>
/// The float16 OutOfDistribution scores, computed a row at a time in float32 with float16 rounding, are bit for bit
/// those of numpy's operation-by-operation float16 arithmetic (written out below with .NET's <see cref="Half"/>
/// operators, which round each result the same way), on rows that reach float16's subnormals and sums of every size.
/// </summary>
public sealed class Float16OutlierScoresTests
{
    [Theory]
    [InlineData(3000, 5)]
    [InlineData(3000, 100)]
    [InlineData(1000, 200)]
    public void Scores_equal_float16_arithmetic_operation_by_operation(int n, int k)
    {
        var (labels, predProbs) = RandomHalfPredProbs(n, k, seed: n + k);
        var actual = OutOfDistribution.Scores(labels, predProbs);
        var expected = HalfOperationByOperation(labels, predProbs);
        for (int i = 0; i < n; i++)
            Assert.True(BitConverter.SingleToUInt32Bits(expected[i]) == BitConverter.SingleToUInt32Bits((float)actual[i]), $"row {i}: {actual[i]:R} != {expected[i]:R}");
    }

    private static (int[] Labels, PredProbs<Half> PredProbs) RandomHalfPredProbs(int n, int k, int seed)
    {
        var random = new Random(seed);
        var labels = new int[n];
        var data = new Half[n * k];
        var row = new double[k];
        for (int i = 0; i < n; i++)
        {
            labels[i] = i % k;
            // peaked rows (a confident class, many tiny values: float16 subnormals and zeros) and flat ones
            double sharpness = random.Next(3) == 0 ? 0.5 : 12;
            for (int c = 0; c < k; c++) row[c] = Math.Exp(-sharpness * random.NextDouble() * (c == (i + random.Next(2)) % k ? 0.1 : 2));
            double total = row.Sum();
            for (int c = 0; c < k; c++) data[i * k + c] = (Half)(row[c] / total);
        }

        return (labels, new PredProbs<Half>(data, n, k));
    }

    private static float[] HalfOperationByOperation(int[] labels, PredProbs<Half> p)
    {
        var thresholds = ConfidentThresholds.Compute<Half>(labels, p, out _);
        Half max = thresholds.Max();
        float logK = (float)Math.Log(p.K);
        var scores = new float[p.N];
        var adjusted = new Half[p.K];
        var terms = new float[p.K];
        for (int i = 0; i < p.N; i++)
        {
            var row = p.Row(i);
            for (int c = 0; c < p.K; c++) adjusted[c] = row[c] - thresholds[c] + max;
            Half sum = NumpyReductions.Sum<Half>(adjusted);
            for (int c = 0; c < p.K; c++)
            {
                double v = (float)(adjusted[c] / sum);
                terms[c] = (float)(v == 0 ? 0.0 : v * Math.Log(v));
            }

            scores[i] = 1f - -NumpyReductions.Sum<float>(terms) / logK;
        }

        return scores;
    }
}
