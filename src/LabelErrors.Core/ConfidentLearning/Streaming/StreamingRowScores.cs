using System.Numerics;
using System.Runtime.InteropServices;
using LabelErrors.Core.ConfidentLearning.Outliers;

namespace LabelErrors.Core.ConfidentLearning.Streaming;

/// <summary>
/// The per-example outputs an upload stores besides the issues, over a matrix read in row blocks: the label quality
/// score by one method, the normalized margin, the predicted label (argmax), and optionally Datalab's outlier issue
/// (<see cref="OutlierIssues.Find"/>). Each row goes through the same row code as the whole-matrix functions
/// (<see cref="LabelQuality.Scores"/>, <see cref="PredictedLabels.ArgMax(PredProbs)"/>,
/// <see cref="OutOfDistribution.Scores"/>), so the values are bit-identical. One pass when the outlier scores' confident
/// thresholds are given (the health summary computes them, <see cref="ClassThresholds"/>), else one more for the
/// outlier scores (their thresholds need every row's self-confidence first); memory: the outputs (8 + 8 + 4 bytes a
/// row, the outliers 9 more) and, without given thresholds, the self-confidences; one block buffer per worker, never
/// the matrix.
/// </summary>
public static class StreamingRowScores
{
    public static StreamedRowScores Compute(
        int[] labels,
        PredProbsSource source,
        ScoreMethod method,
        bool outliers,
        StreamingOptions? streaming = null,
        CancellationToken cancellationToken = default)
        => Dispatch(labels, source, method, outliers ? Outliers.ComputeThresholds : Outliers.None, null, streaming, cancellationToken);

    /// <summary>
    /// <see cref="Compute(int[], PredProbsSource, ScoreMethod, bool, StreamingOptions?, CancellationToken)"/> with the
    /// outliers, their confident thresholds already known (from the health summary's pass over the same file and
    /// labels): everything in one pass.
    /// </summary>
    public static StreamedRowScores Compute(
        int[] labels,
        PredProbsSource source,
        ScoreMethod method,
        ClassThresholds outlierThresholds,
        StreamingOptions? streaming = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outlierThresholds);
        return Dispatch(labels, source, method, Outliers.GivenThresholds, outlierThresholds, streaming, cancellationToken);
    }

    private enum Outliers { None, ComputeThresholds, GivenThresholds }

    private static StreamedRowScores Dispatch(int[] labels, PredProbsSource source, ScoreMethod method, Outliers outliers,
        ClassThresholds? thresholds, StreamingOptions? streaming, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(source);
        // the outlier scores' confident thresholds need two classes (cleanlab raises), the label quality scores one
        InputChecks.ValidateLabels(labels, source.N, source.K, allowOneClass: outliers == Outliers.None);
        streaming ??= new StreamingOptions();
        return source switch
        {
            PredProbsSource<double> d => ComputeCore(labels, d, method, outliers, thresholds?.For<double>(d.K), streaming, cancellationToken),
            PredProbsSource<float> f => ComputeCore(labels, f, method, outliers, thresholds?.For<float>(f.K), streaming, cancellationToken),
            PredProbsSource<Half> h => ComputeCore(labels, h, method, outliers, thresholds?.For<Half>(h.K), streaming, cancellationToken),
            _ => throw new NotSupportedException(source.GetType().Name),
        };
    }

    private static StreamedRowScores ComputeCore<T>(
        int[] labels, PredProbsSource<T> source, ScoreMethod method, Outliers outliers, T[]? givenThresholds, StreamingOptions streaming,
        CancellationToken cancellationToken)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (method is not (ScoreMethod.SelfConfidence or ScoreMethod.NormalizedMargin or ScoreMethod.ConfidenceWeightedEntropy))
            throw new ArgumentOutOfRangeException(nameof(method));
        int n = source.N, k = source.K;
        var blocks = new RowBlocks<T>(source, streaming, passes: outliers == Outliers.ComputeThresholds ? 2 : 1);
        bool half = typeof(T) == typeof(Half);
        var margins = new double[n];
        var scores = method == ScoreMethod.NormalizedMargin ? margins : new double[n];
        var predicted = new int[n];
        var selfConfidence = outliers == Outliers.ComputeThresholds ? new T[n] : null;
        var outlierScorer = outliers == Outliers.GivenThresholds ? new OutlierRowScorer<T>(givenThresholds!, n) : null;

        var states = blocks.Run(
            "row scores",
            () => new RowState(k),
            (state, first, count, rows) =>
            {
                var widened = half ? state.Widen(rows) : default;
                outlierScorer?.ScoreBlock(first, count, rows, widened, state.Adjusted, state.OutlierTerms);
                state.Scan = ValueScan.Combine(state.Scan, half ? ValueScan.ScanBlock(widened) : ValueScan.ScanBlock(rows));
                var terms = MemoryMarshal.Cast<double, T>(state.Terms.AsSpan())[..k];
                for (int r = 0; r < count; r++)
                {
                    int i = first + r, label = labels[i];
                    var row = rows.Slice(r * k, k);
                    if (selfConfidence is not null) selfConfidence[i] = row[label];
                    if (half)
                    {
                        var wide = widened.Slice(r * k, k);
                        predicted[i] = LabelIssues.ArgMax(wide);
                        // LabelQuality.NormalizedMargin: the float16 value, held as float, stored as Half, widened
                        margins[i] = double.CreateChecked((Half)LabelQuality.HalfNormalizedMarginRow(wide, label));
                    }
                    else
                    {
                        predicted[i] = LabelIssues.ArgMax(row);
                        margins[i] = double.CreateChecked(LabelQuality.NormalizedMarginRow(row, label));
                    }

                    if (method == ScoreMethod.SelfConfidence) scores[i] = double.CreateChecked(row[label]);
                    else if (method == ScoreMethod.ConfidenceWeightedEntropy) scores[i] = LabelQuality.ConfidenceWeightedEntropyRow(row, label, terms);
                }
            },
            cancellationToken);
        // the checks of LabelQuality.Scores (and OutlierIssues.Find): finite values (the first bad one named), within [0, 1]
        var scan = states.Select(s => s.Scan).Aggregate(ValueScan.Result.Empty, ValueScan.Combine);
        if (!scan.AllFinite) StreamingPasses.ThrowFirstNonFinite(source);
        InputChecks.ValidateRange(scan);

        if (selfConfidence is not null)
        {
            // the second pass: the thresholds need every row's self-confidence first
            var thresholds = ConfidentThresholds.FromSelfConfidence(labels, selfConfidence, k, out _);
            selfConfidence = null;
            var secondPass = new OutlierRowScorer<T>(thresholds, n);
            blocks.Run(
                "outlier scores",
                () => (Adjusted: new double[k], Terms: new double[k]),
                (state, first, count, rows) => secondPass.ScoreBlock(first, count, rows, default, state.Adjusted, state.Terms),
                cancellationToken);
            outlierScorer = secondPass;
        }

        return new StreamedRowScores(scores, margins, predicted, outlierScorer?.Flag());
    }

    private sealed class RowState(int k) : WideningBuffer
    {
        public ValueScan.Result Scan { get; set; } = ValueScan.Result.Empty;

        // scratch for confidence_weighted_entropy's terms, wide enough for K values of any element type
        public double[] Terms { get; } = new double[k];

        // scratch for the outlier score of a row (adjusted values and entropy terms), as wide
        public double[] Adjusted { get; } = new double[k];

        public double[] OutlierTerms { get; } = new double[k];
    }

    /// <summary>
    /// Datalab's outlier scores of the rows once the confident thresholds are known, block by block:
    /// OutOfDistribution.ScoresWithThresholds' row score, and for float16 OutOfDistribution.HalfScores' (float32
    /// scores, as numpy's).
    /// </summary>
    private sealed class OutlierRowScorer<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        private readonly T[] _thresholds;
        private readonly T _maxThreshold;
        private readonly T _logK;
        private readonly OutOfDistribution.HalfRowScorer? _halfScorer;
        private readonly T[]? _scores;
        private readonly float[]? _halfScores;

        public OutlierRowScorer(T[] thresholds, int n)
        {
            _thresholds = thresholds;
            _maxThreshold = thresholds[0];
            foreach (T t in thresholds) _maxThreshold = T.Max(_maxThreshold, t);
            _logK = T.CreateChecked(Math.Log(thresholds.Length));
            if (typeof(T) == typeof(Half))
            {
                _halfScorer = new OutOfDistribution.HalfRowScorer((Half[])(object)thresholds);
                _halfScores = new float[n];
            }
            else
            {
                _scores = new T[n];
            }
        }

        /// <summary>
        /// Scores a block; <paramref name="widened"/> holds float16 rows as float when the pass has widened them
        /// already (empty: widened here, row by row).
        /// </summary>
        public void ScoreBlock(int first, int count, ReadOnlySpan<T> rows, ReadOnlySpan<float> widened, double[] adjustedScratch, double[] termsScratch)
        {
            int k = _thresholds.Length;
            if (_halfScorer is not null)
            {
                var adjusted = MemoryMarshal.Cast<double, float>(adjustedScratch.AsSpan())[..k];
                var terms = MemoryMarshal.Cast<double, float>(termsScratch.AsSpan())[..k];
                var halves = MemoryMarshal.Cast<T, Half>(rows);
                for (int r = 0; r < count; r++)
                {
                    _halfScores![first + r] = widened.IsEmpty
                        ? _halfScorer.Score(halves.Slice(r * k, k), adjusted, terms)
                        : _halfScorer.ScoreWidened(widened.Slice(r * k, k), adjusted, terms);
                }
            }
            else
            {
                var adjusted = MemoryMarshal.Cast<double, T>(adjustedScratch.AsSpan())[..k];
                var terms = MemoryMarshal.Cast<double, T>(termsScratch.AsSpan())[..k];
                for (int r = 0; r < count; r++)
                    _scores![first + r] = OutOfDistribution.ScoreRow(rows.Slice(r * k, k), _thresholds, _maxThreshold, _logK, adjusted, terms);
            }
        }

        public OutlierIssuesResult Flag() => _halfScores is not null
            ? OutlierIssues.Flag(_halfScores, OutlierIssues.DefaultThreshold)
            : OutlierIssues.Flag(_scores!, OutlierIssues.DefaultThreshold);
    }
}

/// <summary>
/// What <see cref="StreamingRowScores.Compute"/> returns: per example, the label quality score by the chosen method,
/// the normalized margin (the same array when that is the method), the predicted label, and the outlier issue (null
/// when not asked for).
/// </summary>
public sealed record StreamedRowScores(double[] LabelQuality, double[] NormalizedMargin, int[] PredictedLabels, OutlierIssuesResult? Outliers);
