using System.Numerics;

namespace LabelErrors.Core.ConfidentLearning.Outliers;

/// <summary>cleanlab 2.9.0's <c>outlier.OutOfDistribution().fit_score(pred_probs=, labels=)</c> with its default parameters.</summary>
public static class OutOfDistribution
{
    /// <summary>
    /// Out-of-distribution score per example (0..1, lower = more atypical): pred_probs adjusted by the per-class
    /// confident thresholds (<c>_subtract_confident_thresholds</c>), then 1 − normalized entropy of each row
    /// (method 'entropy', adjust_pred_probs=True). Computed in the element precision of pred_probs, as numpy does
    /// (float16: float32 from the entropy on, see <see cref="HalfScores"/>).
    /// Every row is independent once the K thresholds are known, so this could stream in two passes.
    /// </summary>
    public static double[] Scores(ReadOnlySpan<int> labels, PredProbs predProbs)
    {
        InputChecks.Validate(labels, predProbs, allowOneClass: false);
        return predProbs switch
        {
            PredProbs<double> d => LabelQuality.Widen(ScoresCore(labels, d)),
            PredProbs<float> f => LabelQuality.Widen(ScoresCore(labels, f)),
            PredProbs<Half> h => LabelQuality.Widen(HalfScores(labels, h)),
            _ => throw new NotSupportedException(predProbs.GetType().Name),
        };
    }

    internal static T[] ScoresCore<T>(ReadOnlySpan<int> labels, PredProbs<T> p)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var thresholds = ConfidentThresholds.Compute(labels, p, out _);
        return ScoresWithThresholds(p, thresholds);
    }

    /// <summary>
    /// The scores of float16 pred_probs, which come out float32: the adjustment runs in float16 as numpy does, but
    /// scipy's <c>xlogy</c> has no float16 kernel, so numpy casts its input to float32 and the entropy and score are
    /// float32 from there on. Each row is widened to float32 a vector at a time and every float16 operation is
    /// computed in float32 and rounded to float16 precision (<see cref="Float16Arithmetic"/>: what numpy and .NET's
    /// <see cref="Half"/> operators do, without a conversion per operation); the xlogy term of each of float16's
    /// 65,536 values comes from a table (made by the same expression as the float32 path's).
    /// </summary>
    internal static float[] HalfScores(ReadOnlySpan<int> labels, PredProbs<Half> p)
    {
        var row = new HalfRowScorer(ConfidentThresholds.Compute(labels, p, out _));
        int k = p.K;
        var data = p.Array;
        var scores = new float[p.N];
        Parallelism.ForBlocks(p.N, Parallelism.RowBlock, (start, end) =>
        {
            var adjusted = new float[k];
            var terms = new float[k];
            for (int i = start; i < end; i++) scores[i] = row.Score(data.AsSpan(i * k, k), adjusted, terms);
        });
        return scores;
    }

    /// <summary>
    /// The float16 row score of <see cref="HalfScores"/> once the thresholds are known (the streaming path calls it on
    /// the rows of each block).
    /// </summary>
    internal sealed class HalfRowScorer
    {
        private readonly float[] _thresholds;
        private readonly float _shift;
        private readonly float _logK;

        public HalfRowScorer(Half[] halfThresholds)
        {
            Half maxThreshold = halfThresholds[0];
            foreach (Half t in halfThresholds) maxThreshold = Half.Max(maxThreshold, t);
            _thresholds = Array.ConvertAll(halfThresholds, t => (float)t);
            _shift = (float)maxThreshold;
            _logK = (float)Math.Log(halfThresholds.Length);
        }

        /// <summary>One row's score; <paramref name="adjusted"/> and <paramref name="terms"/> are scratch space of the row's length.</summary>
        public float Score(ReadOnlySpan<Half> row, Span<float> adjusted, Span<float> terms)
        {
            HalfWidening.ToSingle(row, adjusted);
            return ScoreAdjusting(adjusted, terms);
        }

        /// <summary><see cref="Score"/> of a row already widened to float (exactly: every float16 is a float).</summary>
        public float ScoreWidened(ReadOnlySpan<float> row, Span<float> adjusted, Span<float> terms)
        {
            row.CopyTo(adjusted);
            return ScoreAdjusting(adjusted, terms);
        }

        // adjusted holds the row's values on entry
        private float ScoreAdjusting(Span<float> adjusted, Span<float> terms)
        {
            int k = adjusted.Length;
            var table = HalfXLogX.Table;
            for (int c = 0; c < k; c++) adjusted[c] = Float16Arithmetic.Round(Float16Arithmetic.Round(adjusted[c] - _thresholds[c]) + _shift);
            float sum = Float16Arithmetic.Sum(adjusted);
            for (int c = 0; c < k; c++) terms[c] = table[BitConverter.HalfToUInt16Bits((Half)(adjusted[c] / sum))];
            float entropy = -NumpyReductions.Sum<float>(terms) / _logK;
            return 1f - entropy;
        }
    }

    /// <summary>
    /// The scores once the per-class confident thresholds are known (the first pass). Each row is adjusted in a small
    /// buffer, exactly as <c>LabelQuality.SubtractThresholds</c> adjusts the whole matrix, so no N×K copy is made.
    /// </summary>
    internal static T[] ScoresWithThresholds<T>(PredProbs<T> p, T[] thresholds)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int k = p.K;
        var data = p.Array;
        var scores = new T[p.N];
        T maxThreshold = thresholds[0];
        foreach (T t in thresholds) maxThreshold = T.Max(maxThreshold, t);
        T logK = T.CreateChecked(Math.Log(k));
        Parallelism.ForBlocks(p.N, Parallelism.RowBlock, (start, end) =>
        {
            var adjusted = new T[k];
            var terms = new T[k];
            for (int i = start; i < end; i++)
                scores[i] = ScoreRow(data.AsSpan(i * k, k), thresholds, maxThreshold, logK, adjusted, terms);
        });
        return scores;
    }

    /// <summary>One row's score: subtract the thresholds, add their maximum, divide by the row's numpy sum, 1 − normalized entropy.</summary>
    internal static T ScoreRow<T>(ReadOnlySpan<T> row, T[] thresholds, T maxThreshold, T logK, Span<T> adjusted, Span<T> terms)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int k = row.Length;
        for (int c = 0; c < k; c++) adjusted[c] = row[c] - thresholds[c] + maxThreshold;
        T sum = NumpyReductions.Sum<T>(adjusted);
        for (int c = 0; c < k; c++) adjusted[c] /= sum;
        for (int c = 0; c < k; c++) terms[c] = XLogX(adjusted[c]);

        T entropy = -NumpyReductions.Sum<T>(terms) / logK;
        return T.One - entropy;
    }

    /// <summary>scipy's <c>xlogy(x, x)</c>: its float32 kernel computes in float64 and casts back.</summary>
    private static T XLogX<T>(T value)
        where T : IFloatingPointIeee754<T>
    {
        double v = double.CreateChecked(value);
        return T.CreateChecked(v == 0 ? 0.0 : v * Math.Log(v));
    }

    /// <summary>xlogy of every float16 value (as float32, the type numpy casts float16 to for it), indexed by its bits.</summary>
    private static class HalfXLogX
    {
        public static readonly float[] Table = Build();

        private static float[] Build()
        {
            var table = new float[65536];
            for (int bits = 0; bits < table.Length; bits++) table[bits] = XLogX((float)BitConverter.UInt16BitsToHalf((ushort)bits));
            return table;
        }
    }
}
