using System.Numerics;
using System.Runtime.CompilerServices;

namespace LabelErrors.Core.ConfidentLearning;

/// <summary>
/// The confident joint C[given label, true label] of confident learning, as cleanlab 2.9.0's
/// <c>count.compute_confident_joint</c>, <c>calibrate_confident_joint</c> and <c>estimate_joint</c>.
/// Matrices are K×K, row = given label, column = (guessed) true label.
/// </summary>
public static class ConfidentJoint
{
    private const double TinyValue = 1e-100;

    /// <summary><c>compute_confident_joint(labels, pred_probs, calibrate=calibrate)</c>.</summary>
    public static long[,] Compute(ReadOnlySpan<int> labels, PredProbs predProbs, bool calibrate = true)
        => ComputeWithOffDiagonalIndices(labels, predProbs, calibrate).Joint;

    /// <summary>
    /// <c>compute_confident_joint(..., return_indices_of_off_diagonals=True)</c>: also the indices (ascending) of the
    /// examples counted off the diagonal (confident in a class other than their given label).
    /// </summary>
    public static (long[,] Joint, int[] OffDiagonalIndices) ComputeWithOffDiagonalIndices(
        ReadOnlySpan<int> labels, PredProbs predProbs, bool calibrate = true)
    {
        InputChecks.ValidateLabels(labels, predProbs, allowOneClass: true); // values: checked during the guess pass
        return predProbs switch
        {
            PredProbs<double> d => ComputeCore(labels, d, calibrate),
            PredProbs<float> f => ComputeCore(labels, f, calibrate),
            PredProbs<Half> h => ComputeCore(labels, h, calibrate),
            _ => throw new NotSupportedException(predProbs.GetType().Name),
        };
    }

    /// <summary>
    /// <c>calibrate_confident_joint</c>: rescale each row to the given-label count, normalise the total to N, and
    /// round preserving row totals. The total is summed in column-major order, the memory order of the
    /// (transposed) confusion matrix cleanlab passes; this matters only for the last bit of the total.
    /// </summary>
    public static long[,] Calibrate(long[,] confidentJoint, ReadOnlySpan<int> labels)
    {
        ArgumentNullException.ThrowIfNull(confidentJoint);
        return Calibrate(confidentJoint, LabelCounts(labels, confidentJoint.GetLength(0)));
    }

    /// <summary><c>estimate_joint(labels, pred_probs)</c>: the calibrated confident joint divided by its total.</summary>
    public static double[,] EstimateJoint(ReadOnlySpan<int> labels, PredProbs predProbs)
        => Normalize(Compute(labels, predProbs, calibrate: true));

    /// <summary>A calibrated confident joint divided by its total (<c>estimate_joint</c> with a calibrated joint).</summary>
    public static double[,] Normalize(long[,] calibratedJoint)
    {
        ArgumentNullException.ThrowIfNull(calibratedJoint);
        int k = calibratedJoint.GetLength(0);
        long total = 0;
        foreach (long v in calibratedJoint) total += v;
        double denominator = Math.Max(total, TinyValue);
        var joint = new double[k, k];
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++) joint[i, j] = calibratedJoint[i, j] / denominator;
        }

        return joint;
    }

    internal static (long[,] Joint, int[] OffDiagonalIndices) ComputeCore<T>(ReadOnlySpan<int> labels, PredProbs<T> p, bool calibrate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var thresholds = ConfidentThresholds.Compute(labels, p, out bool allClassesPresent);
        var guesses = ConfidentGuesses.Compute(p, thresholds, compareInFloat64: !allClassesPresent, out var scan);
        InputChecks.ValidateValues(scan, p);
        var (joint, offDiagonal) = Count(labels, guesses, p.K);
        for (int c = 0; c < p.K; c++) joint[c, c] = Math.Max(joint[c, c], 1);
        if (calibrate) joint = Calibrate(joint, LabelCounts(labels, p.K));
        return (joint, offDiagonal);
    }

    /// <summary>Counts (given label, guess) over the confident examples; also returns the off-diagonal example indices.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a single call per run over all rows: optimise at once rather than from tier 0
    internal static (long[,] Joint, int[] OffDiagonalIndices) Count(ReadOnlySpan<int> labels, int[] guesses, int k)
    {
        var joint = new long[k, k];
        var offDiagonal = new List<int>();
        for (int i = 0; i < labels.Length; i++)
        {
            int guess = guesses[i];
            if (guess == ConfidentGuesses.NotConfident) continue;
            joint[labels[i], guess]++;
            if (guess != labels[i]) offDiagonal.Add(i);
        }

        return (joint, offDiagonal.ToArray());
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static long[] LabelCounts(ReadOnlySpan<int> labels, int k)
    {
        var counts = new long[k];
        foreach (int label in labels)
        {
            if ((uint)label >= (uint)k) throw new ArgumentException($"Label {label} is outside 0..{k - 1}.", nameof(labels));
            counts[label]++;
        }

        return counts;
    }

    internal static long[,] Calibrate(long[,] confidentJoint, long[] labelCounts)
    {
        // K×K doubles are never materialised (for K = 10,000 each such matrix is 800 MB): the rescaled entries are
        // recomputed where needed, with the same operations, so the result is bit-identical.
        var scaled = new RowRescaled(confidentJoint, labelCounts);
        int k = scaled.K;
        var columnMajor = new ColumnMajor(scaled);
        double total = Math.Max(NumpyReductions.Sum<double, ColumnMajor>(ref columnMajor, k * k), TinyValue);
        long n = 0;
        foreach (long c in labelCounts) n += c;
        var result = new long[k, k];
        var row = new double[k];
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++) row[j] = scaled.At(i, j) / total * n;
            var rounded = RoundPreserving.Sum(row);
            for (int j = 0; j < k; j++) result[i, j] = rounded[j];
        }

        return result;
    }

    /// <summary>Each row of the joint rescaled to its given-label count: C[i, j] / max(row sum, tiny) × count[i].</summary>
    private readonly struct RowRescaled
    {
        private readonly long[,] _joint;
        private readonly long[] _labelCounts;
        private readonly double[] _denominators;

        public RowRescaled(long[,] joint, long[] labelCounts)
        {
            _joint = joint;
            _labelCounts = labelCounts;
            K = joint.GetLength(0);
            _denominators = new double[K];
            for (int i = 0; i < K; i++)
            {
                long rowSum = 0;
                for (int j = 0; j < K; j++) rowSum += joint[i, j];
                _denominators[i] = Math.Max(rowSum, TinyValue);
            }
        }

        public int K { get; }

        public double At(int i, int j) => _joint[i, j] / _denominators[i] * _labelCounts[i];
    }

    /// <summary>The rescaled joint in column-major order, the memory order of the (transposed) matrix cleanlab sums.</summary>
    private readonly struct ColumnMajor(RowRescaled scaled) : IIndexedValues<double>
    {
        public double At(int index) => scaled.At(index % scaled.K, index / scaled.K);
    }
}
