using System.Numerics;
using System.Runtime.CompilerServices;

namespace LabelErrors.Core.ConfidentLearning;

/// <summary>cleanlab 2.9.0's <c>rank.get_label_quality_scores</c>, computed in the element precision of pred_probs.</summary>
public static class LabelQuality
{
    private const double ClippingLowerBound = 1e-6;

    /// <summary>
    /// <c>get_label_quality_scores(labels, pred_probs, method=method, adjust_pred_probs=adjustPredProbs)</c>.
    /// Scores of float32/float16 inputs are computed in that precision and widened exactly to double.
    /// </summary>
    public static double[] Scores(ReadOnlySpan<int> labels, PredProbs predProbs, ScoreMethod method = ScoreMethod.SelfConfidence, bool adjustPredProbs = false)
    {
        if (method == ScoreMethod.SelfConfidence && !adjustPredProbs)
        {
            InputChecks.ValidateLabels(labels, predProbs, allowOneClass: true);
            return predProbs switch
            {
                PredProbs<double> d => ValidatedSelfConfidence(labels, d),
                PredProbs<float> f => ValidatedSelfConfidence(labels, f),
                PredProbs<Half> h => ValidatedSelfConfidence(labels, h),
                _ => throw new NotSupportedException(predProbs.GetType().Name),
            };
        }

        InputChecks.Validate(labels, predProbs, allowOneClass: true);
        return predProbs switch
        {
            PredProbs<double> d => ScoresCore(labels, d, method, adjustPredProbs),
            PredProbs<float> f => ScoresCore(labels, f, method, adjustPredProbs),
            PredProbs<Half> h => ScoresCore(labels, h, method, adjustPredProbs),
            _ => throw new NotSupportedException(predProbs.GetType().Name),
        };
    }

    /// <summary>
    /// The scores of the examples <paramref name="indices"/> only, in that order (e.g. the flagged ones of
    /// <see cref="LabelIssues.Find"/>): the same values as <see cref="Scores"/> at those positions, without a pass over
    /// all rows. Only the rows read are checked (finite values).
    /// </summary>
    public static double[] ScoresOf(ReadOnlySpan<int> labels, PredProbs predProbs, ScoreMethod method, ReadOnlySpan<int> indices)
    {
        InputChecks.ValidateLabels(labels, predProbs, allowOneClass: true);
        return predProbs switch
        {
            PredProbs<double> d => ScoresOfCore(labels, d, method, indices),
            PredProbs<float> f => ScoresOfCore(labels, f, method, indices),
            PredProbs<Half> h => ScoresOfCore(labels, h, method, indices),
            _ => throw new NotSupportedException(predProbs.GetType().Name),
        };
    }

    private static double[] ScoresOfCore<T>(ReadOnlySpan<int> labels, PredProbs<T> p, ScoreMethod method, ReadOnlySpan<int> indices)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var result = new double[indices.Length];
        var terms = new T[p.K];
        for (int m = 0; m < indices.Length; m++)
        {
            int i = indices[m];
            var row = p.Row(i);
            foreach (T v in row)
            {
                if (!T.IsFinite(v)) p.EnsureFinite(); // throws with the position
            }

            result[m] = method switch
            {
                ScoreMethod.SelfConfidence => double.CreateChecked(row[labels[i]]),
                ScoreMethod.NormalizedMargin => double.CreateChecked(NormalizedMarginRow(row, labels[i])),
                ScoreMethod.ConfidenceWeightedEntropy => ConfidenceWeightedEntropyRow<T>(row, labels[i], terms),
                _ => throw new ArgumentOutOfRangeException(nameof(method)),
            };
        }

        return result;
    }

    /// <summary>
    /// self_confidence scores (pred_probs[i, labels[i]], widened) and the value checks of <see cref="InputChecks.Validate"/>
    /// in one parallel pass: each chunk of rows is scanned and then gathered while in cache, and the scores are
    /// written as double at once (no element-typed copy to widen afterwards).
    /// </summary>
    private static double[] ValidatedSelfConfidence<T>(ReadOnlySpan<int> labels, PredProbs<T> p)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        const int chunkRows = 64;
        int n = p.N, k = p.K;
        var labelArray = labels.ToArray();
        var data = p.Array;
        var scores = new double[n];
        var scans = new ValueScan.Result[Math.Max(1, (n + Parallelism.RowBlock - 1) / Parallelism.RowBlock)];
        scans[0] = ValueScan.Result.Empty;
        Parallelism.ForBlocks(n, Parallelism.RowBlock, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (start, end) =>
        {
            var scan = ValueScan.Result.Empty;
            for (int chunk = start; chunk < end; chunk += chunkRows)
            {
                int chunkEnd = Math.Min(end, chunk + chunkRows);
                scan = ValueScan.Combine(scan, ValueScan.ScanBlock<T>(data.AsSpan(chunk * k, (chunkEnd - chunk) * k)));
                for (int i = chunk; i < chunkEnd; i++) scores[i] = double.CreateChecked(data[i * k + labelArray[i]]);
            }

            scans[start / Parallelism.RowBlock] = scan;
        });
        InputChecks.ValidateValues(scans.Aggregate(ValueScan.Combine), p);
        return scores;
    }

    internal static double[] Widen<T>(T[] values)
        where T : IFloatingPointIeee754<T>
    {
        var result = new double[values.Length];
        for (int i = 0; i < values.Length; i++) result[i] = double.CreateChecked(values[i]);
        return result;
    }

    /// <summary>The scores widened to double (exact): in the element precision, except where numpy promotes.</summary>
    internal static double[] ScoresCore<T>(ReadOnlySpan<int> labels, PredProbs<T> p, ScoreMethod method, bool adjustPredProbs)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (adjustPredProbs)
        {
            if (method == ScoreMethod.ConfidenceWeightedEntropy)
            {
                throw new ArgumentException("adjust_pred_probs is not currently supported for confidence_weighted_entropy.", nameof(adjustPredProbs));
            }

            if (MissingClassAdjustment.Applies<T>(labels, p.K))
            {
                return ScoresCore(labels, MissingClassAdjustment.Subtract(labels, p), method, adjustPredProbs: false);
            }

            p = SubtractConfidentThresholds(labels, p);
        }

        return method switch
        {
            ScoreMethod.SelfConfidence => Widen(SelfConfidence(labels, p)),
            ScoreMethod.NormalizedMargin => Widen(NormalizedMargin(labels, p)),
            ScoreMethod.ConfidenceWeightedEntropy => ConfidenceWeightedEntropy(labels, p),
            _ => throw new ArgumentOutOfRangeException(nameof(method)),
        };
    }

    internal static T[] SelfConfidence<T>(ReadOnlySpan<int> labels, PredProbs<T> p)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        return ConfidentThresholds.SelfConfidence(labels, p);
    }

    internal static T[] NormalizedMargin<T>(ReadOnlySpan<int> labels, PredProbs<T> p)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var scores = new T[p.N];
        var labelArray = labels.ToArray();
        var data = p.Array;
        int k = p.K;
        Parallelism.ForBlocks(p.N, Parallelism.RowBlock, (start, end) =>
        {
            if (typeof(T) == typeof(Half))
            {
                var halves = System.Runtime.InteropServices.MemoryMarshal.Cast<T, Half>(data.AsSpan());
                var halfScores = System.Runtime.InteropServices.MemoryMarshal.Cast<T, Half>(scores.AsSpan());
                var widened = new float[k];
                for (int i = start; i < end; i++)
                {
                    HalfWidening.ToSingle(halves.Slice(i * k, k), widened);
                    halfScores[i] = (Half)HalfNormalizedMarginRow(widened, labelArray[i]);
                }

                return;
            }

            for (int i = start; i < end; i++)
            {
                scores[i] = NormalizedMarginRow<T>(data.AsSpan(i * k, k), labelArray[i]);
            }
        });
        return scores;
    }

    /// <summary>
    /// <see cref="NormalizedMarginRow{T}"/> of a float16 row widened to float: the maximum is found in float (exact:
    /// widening keeps the order) and each float16 operation is computed in float and rounded to float16 precision,
    /// as numpy and <see cref="Half"/> do, so the result is the float16 value, held as float.
    /// </summary>
    internal static float HalfNormalizedMarginRow(ReadOnlySpan<float> row, int label)
    {
        float margin = Float16Arithmetic.Round(row[label] - MaxExcluding(row, label));
        return Float16Arithmetic.Round(Float16Arithmetic.Round(margin + 1f) / 2f);
    }

    /// <summary>normalized_margin of one row: (p[label] − max over other classes + 1) / 2, in the element precision.</summary>
    internal static T NormalizedMarginRow<T>(ReadOnlySpan<T> row, int label)
        where T : IFloatingPointIeee754<T>
        => (row[label] - MaxExcluding(row, label) + T.One) / T.CreateChecked(2);

    /// <summary>
    /// Largest entry of the row other than column <paramref name="excluded"/> (all columns when negative);
    /// −∞ when nothing is left (K = 1; numpy raises there).
    /// </summary>
    internal static T MaxExcluding<T>(ReadOnlySpan<T> row, int excluded)
        where T : IFloatingPointIeee754<T>
        => excluded < 0 ? Max(row) : T.Max(Max(row[..excluded]), Max(row[(excluded + 1)..]));

    private static T Max<T>(ReadOnlySpan<T> values)
        where T : IFloatingPointIeee754<T>
    {
        T max = T.NegativeInfinity;
        int i = 0;
        if (Vector.IsHardwareAccelerated && Vector<T>.IsSupported && values.Length >= 2 * Vector<T>.Count)
        {
            var vmax = new Vector<T>(T.NegativeInfinity);
            for (; i <= values.Length - Vector<T>.Count; i += Vector<T>.Count) vmax = Vector.Max(vmax, new Vector<T>(values.Slice(i)));
            for (int l = 0; l < Vector<T>.Count; l++) max = T.Max(max, vmax[l]);
        }

        for (; i < values.Length; i++)
        {
            if (values[i] > max) max = values[i];
        }

        return max;
    }

    internal static double[] ConfidenceWeightedEntropy<T>(ReadOnlySpan<int> labels, PredProbs<T> p)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int k = p.K;
        var scores = new double[p.N];
        var labelArray = labels.ToArray();
        var data = p.Array;
        Parallelism.ForBlocks(p.N, Parallelism.RowBlock, (start, end) =>
        {
            var terms = new T[k];
            for (int i = start; i < end; i++) scores[i] = ConfidenceWeightedEntropyRow<T>(data.AsSpan(i * k, k), labelArray[i], terms);
        });
        return scores;
    }

    /// <summary>
    /// confidence_weighted_entropy of one row, widened to double; <paramref name="terms"/> is scratch space of the row's
    /// length. float16 rows are computed in float32, as numpy does (<see cref="Float16Entropy"/>).
    /// </summary>
    internal static double ConfidenceWeightedEntropyRow<T>(ReadOnlySpan<T> row, int label, Span<T> terms)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(Half))
        {
            return Float16Entropy.Row(System.Runtime.InteropServices.MemoryMarshal.Cast<T, Half>(row), label);
        }

        T logK = T.CreateChecked(Math.Log(row.Length));
        T lowerBound = T.CreateChecked(ClippingLowerBound);
        for (int c = 0; c < row.Length; c++)
        {
            // scipy's xlogy has no float32 kernel: it computes in float64 and casts back.
            double v = double.CreateChecked(row[c]);
            terms[c] = T.CreateChecked(v == 0 ? 0.0 : v * Math.Log(v));
        }

        T entropy = -NumpyReductions.Sum<T>(terms) / logK;
        T selfConfidence = T.Max(row[label], lowerBound);
        T ratio = entropy / selfConfidence;
        T clipped = T.Max(ratio, lowerBound);
        T log = typeof(T) == typeof(float) ? T.CreateTruncating(NumpyLog.Log(float.CreateTruncating(ratio + T.One))) : T.Log(ratio + T.One);
        return double.CreateChecked(log / clipped);
    }

    /// <summary><c>_subtract_confident_thresholds</c>: pred_probs − thresholds + max(thresholds), rows renormalised.</summary>
    internal static PredProbs<T> SubtractConfidentThresholds<T>(ReadOnlySpan<int> labels, PredProbs<T> p)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        return SubtractThresholds(p, ConfidentThresholds.Compute(labels, p, out _));
    }

    /// <summary>pred_probs − thresholds + max(thresholds), each row divided by its (numpy) sum.</summary>
    internal static PredProbs<T> SubtractThresholds<T>(PredProbs<T> p, T[] thresholds)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T maxThreshold = thresholds[0];
        foreach (T t in thresholds) maxThreshold = T.Max(maxThreshold, t);
        int k = p.K;
        var adjusted = p.Data.ToArray();
        for (int i = 0; i < p.N; i++)
        {
            var row = adjusted.AsSpan(i * k, k);
            for (int c = 0; c < k; c++) row[c] = row[c] - thresholds[c] + maxThreshold;
            T sum = NumpyReductions.Sum<T>(row);
            for (int c = 0; c < k; c++) row[c] /= sum;
        }

        return new PredProbs<T>(adjusted, p.N, k);
    }
}
