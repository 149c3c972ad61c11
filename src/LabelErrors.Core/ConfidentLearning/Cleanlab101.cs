using System.Numerics;

namespace LabelErrors.Core.ConfidentLearning;

/// <summary>
/// The cleanlab 1.0.1 functions the label-errors study (labelerrors.com) used, with their 1.0.1 semantics:
/// <c>latent_estimation.compute_confident_joint</c> (no threshold lower bound, no diagonal clip),
/// <c>latent_estimation.num_label_errors</c> (truncates instead of rounding) and <c>pruning.get_noise_indices</c>
/// (at least 5 examples per class; cut-offs by value with <c>np.partition</c>, so ties at the cut-off are all
/// in or all out; argmax == label examples removed without the 1e-6 slack of 2.x).
/// Every class must occur in the labels (1.0.1 fails otherwise). Values above 1 are accepted, as 1.0.1 did.
/// </summary>
public static class Cleanlab101
{
    private const int MinNumPerClass = 5;

    /// <summary><c>compute_confident_joint(s=labels, psx=pred_probs, calibrate=calibrate)</c>.</summary>
    public static long[,] ComputeConfidentJoint(ReadOnlySpan<int> labels, PredProbs predProbs, bool calibrate = true)
    {
        Validate(labels, predProbs);
        return predProbs switch
        {
            PredProbs<double> d => ConfidentJointCore(labels, d, calibrate),
            PredProbs<float> f => ConfidentJointCore(labels, f, calibrate),
            PredProbs<Half> h => ConfidentJointCore(labels, h, calibrate),
            _ => throw new NotSupportedException(predProbs.GetType().Name),
        };
    }

    /// <summary><c>num_label_errors(labels, psx, confident_joint)</c> = int(N × (1 − trace(cj / sum(cj)))).</summary>
    public static int NumLabelErrors(long[,] confidentJoint, int numExamples)
    {
        ArgumentNullException.ThrowIfNull(confidentJoint);
        int k = confidentJoint.GetLength(0);
        long total = 0;
        foreach (long v in confidentJoint) total += v;
        var joint = new double[k, k];
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++) joint[i, j] = confidentJoint[i, j] / (double)total;
        }

        return (int)((1.0 - LabelIssues.Trace(joint)) * numExamples);
    }

    /// <summary>
    /// <c>get_noise_indices(s, psx, confident_joint, prune_method)</c>: the boolean mask. <paramref name="confidentJoint"/>
    /// defaults to the calibrated 1.0.1 confident joint.
    /// </summary>
    public static bool[] GetNoiseIndices(ReadOnlySpan<int> labels, PredProbs predProbs, FilterBy pruneMethod = FilterBy.PruneByNoiseRate, long[,]? confidentJoint = null)
    {
        Validate(labels, predProbs);
        if (pruneMethod is not (FilterBy.PruneByNoiseRate or FilterBy.PruneByClass or FilterBy.Both))
        {
            throw new ArgumentOutOfRangeException(nameof(pruneMethod), "cleanlab 1.0.1 prune methods: prune_by_noise_rate, prune_by_class, both.");
        }

        return predProbs switch
        {
            PredProbs<double> d => NoiseMaskCore(labels, d, pruneMethod, confidentJoint),
            PredProbs<float> f => NoiseMaskCore(labels, f, pruneMethod, confidentJoint),
            PredProbs<Half> h => NoiseMaskCore(labels, h, pruneMethod, confidentJoint),
            _ => throw new NotSupportedException(predProbs.GetType().Name),
        };
    }

    /// <summary>
    /// <c>order_label_errors(mask, psx, labels, sorted_index_method)</c> for 'normalized_margin' and 'self_confidence'
    /// (both rank by p[label] − max(p) in 1.0.1), stable ascending.
    /// </summary>
    public static int[] OrderByMargin(bool[] mask, ReadOnlySpan<int> labels, PredProbs predProbs)
    {
        ArgumentNullException.ThrowIfNull(mask);
        var flagged = new List<int>();
        var margins = new List<double>();
        for (int i = 0; i < mask.Length; i++)
        {
            if (!mask[i]) continue;
            double max = double.NegativeInfinity;
            for (int c = 0; c < predProbs.K; c++) max = Math.Max(max, predProbs[i, c]);
            flagged.Add(i);
            margins.Add(predProbs[i, labels[i]] - max);
        }

        var order = StableOrder.Ascending<double>(margins.ToArray());
        return order.Select(m => flagged[m]).ToArray();
    }

    internal static void Validate(ReadOnlySpan<int> labels, PredProbs predProbs)
    {
        InputChecks.Validate(labels, predProbs, allowOneClass: false, requireUnitRange: false);
        var present = new bool[predProbs.K];
        foreach (int label in labels) present[label] = true;
        int missing = Array.IndexOf(present, false);
        if (missing >= 0)
        {
            throw new ArgumentException($"cleanlab 1.0.1 semantics need every class in the labels; class {missing} has no example.", nameof(labels));
        }
    }

    internal static long[,] ConfidentJointCore<T>(ReadOnlySpan<int> labels, PredProbs<T> p, bool calibrate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var members = ClassPruning.IndicesByClass(labels, p.K);
        var thresholds = new T[p.K];
        for (int c = 0; c < p.K; c++)
        {
            var values = new T[members[c].Length];
            for (int m = 0; m < values.Length; m++) values[m] = p.Get(members[c][m], c);
            thresholds[c] = NumpyReductions.Mean<T>(values);
        }

        var guesses = ConfidentGuesses.Compute(p, thresholds, compareInFloat64: false);
        var (joint, _) = ConfidentJoint.Count(labels, guesses, p.K);
        return calibrate ? ConfidentJoint.Calibrate(joint, ConfidentJoint.LabelCounts(labels, p.K)) : joint;
    }

    internal static bool[] NoiseMaskCore<T>(ReadOnlySpan<int> labels, PredProbs<T> p, FilterBy pruneMethod, long[,]? confidentJoint)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = p.N, k = p.K;
        confidentJoint ??= ConfidentJointCore(labels, p, calibrate: true);
        var pruneCounts = PruneCounts.KeepAtLeastNPerClass(confidentJoint, MinNumPerClass, 1.0);
        var members = ClassPruning.IndicesByClass(labels, k);
        bool[]? byClass = null;
        if (pruneMethod is FilterBy.PruneByClass or FilterBy.Both)
        {
            byClass = new bool[n];
            for (int c = 0; c < k; c++) PruneByClass(p, c, members[c], pruneCounts, byClass);
        }

        bool[] mask = byClass ?? new bool[n];
        if (pruneMethod is FilterBy.PruneByNoiseRate or FilterBy.Both)
        {
            var byNoiseRate = new bool[n];
            for (int c = 0; c < k; c++) PruneByCount(p, c, members[c], pruneCounts, byNoiseRate);
            if (byClass is not null)
            {
                for (int i = 0; i < n; i++) byNoiseRate[i] &= byClass[i];
            }

            mask = byNoiseRate;
        }

        for (int i = 0; i < n; i++)
        {
            if (mask[i] && LabelIssues.ArgMax(p.Row(i)) == labels[i]) mask[i] = false;
        }

        return mask;
    }

    /// <summary>1.0.1 <c>_prune_by_class</c>: members with p[k] strictly below the (count − m[k,k])-th smallest value.</summary>
    private static void PruneByClass<T>(PredProbs<T> p, int k, int[] members, long[,] pruneCounts, bool[] mask)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int count = members.Length;
        if (count <= MinNumPerClass) return;
        long numErrors = count - pruneCounts[k, k];
        var values = new T[count];
        for (int m = 0; m < count; m++) values[m] = p.Get(members[m], k);
        var sorted = (T[])values.Clone();
        Array.Sort(sorted);
        T rank = sorted[numErrors];
        for (int m = 0; m < count; m++)
        {
            if (values[m] < rank) mask[members[m]] = true;
        }
    }

    /// <summary>1.0.1 <c>_prune_by_count</c>: members whose margin p[j] − p[k] reaches the m[j,k]-th largest margin.</summary>
    private static void PruneByCount<T>(PredProbs<T> p, int k, int[] members, long[,] pruneCounts, bool[] mask)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int count = members.Length;
        if (count <= MinNumPerClass) return;
        var margins = new T[count];
        var negated = new T[count];
        for (int j = 0; j < p.K; j++)
        {
            long numToPrune = pruneCounts[j, k];
            if (j == k || numToPrune <= 0) continue;
            for (int m = 0; m < count; m++)
            {
                var row = p.Row(members[m]);
                margins[m] = row[j] - row[k];
                negated[m] = -margins[m];
            }

            Array.Sort(negated);
            T cut = -negated[numToPrune - 1];
            for (int m = 0; m < count; m++)
            {
                if (margins[m] >= cut) mask[members[m]] = true;
            }
        }
    }
}
