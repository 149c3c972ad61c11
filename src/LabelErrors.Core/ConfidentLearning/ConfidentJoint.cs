using System.Numerics;

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
        int k = confidentJoint.GetLength(0);
        var scaled = new double[k, k];
        for (int i = 0; i < k; i++)
        {
            long rowSum = 0;
            for (int j = 0; j < k; j++) rowSum += confidentJoint[i, j];
            double denominator = Math.Max(rowSum, TinyValue);
            for (int j = 0; j < k; j++) scaled[i, j] = confidentJoint[i, j] / denominator * labelCounts[i];
        }

        var columnMajor = new double[k * k];
        for (int j = 0; j < k; j++)
        {
            for (int i = 0; i < k; i++) columnMajor[j * k + i] = scaled[i, j];
        }

        double total = Math.Max(NumpyReductions.Sum<double>(columnMajor), TinyValue);
        long n = 0;
        foreach (long c in labelCounts) n += c;
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++) scaled[i, j] = scaled[i, j] / total * n;
        }

        return RoundPreserving.RowTotals(scaled);
    }
}
