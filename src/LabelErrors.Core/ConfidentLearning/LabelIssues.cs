using System.Numerics;
using System.Runtime.CompilerServices;

namespace LabelErrors.Core.ConfidentLearning;

/// <summary>cleanlab 2.9.0's <c>filter.find_label_issues</c> and <c>count.num_label_issues</c> (single-label).</summary>
public static class LabelIssues
{
    /// <summary>
    /// <c>find_label_issues(labels, pred_probs, **options)</c>. Ties are broken by the stable-argsort rule
    /// (equal scores keep ascending index order; see docs/confident-learning.md).
    /// </summary>
    public static LabelIssuesResult Find(ReadOnlySpan<int> labels, PredProbs predProbs, FindLabelIssuesOptions? options = null)
    {
        options ??= new FindLabelIssuesOptions();
        bool allZero = true;
        foreach (int label in labels) allZero &= label == 0;
        InputChecks.ValidateLabels(labels, predProbs, allowOneClass: allZero); // values: checked by the confident joint pass
        options.Validate(predProbs.K);
        return predProbs switch
        {
            PredProbs<double> d => FindCore(labels, d, options),
            PredProbs<float> f => FindCore(labels, f, options),
            PredProbs<Half> h => FindCore(labels, h, options),
            _ => throw new NotSupportedException(predProbs.GetType().Name),
        };
    }

    /// <summary><c>num_label_issues(labels, pred_probs, estimation_method=method)</c>.</summary>
    public static int Count(ReadOnlySpan<int> labels, PredProbs predProbs, NumLabelIssuesMethod method = NumLabelIssuesMethod.OffDiagonal)
    {
        InputChecks.ValidateLabels(labels, predProbs, allowOneClass: true); // values: checked by the confident joint pass
        return predProbs switch
        {
            PredProbs<double> d => CountCore(labels, d, method),
            PredProbs<float> f => CountCore(labels, f, method),
            PredProbs<Half> h => CountCore(labels, h, method),
            _ => throw new NotSupportedException(predProbs.GetType().Name),
        };
    }

    internal static LabelIssuesResult FindCore<T>(ReadOnlySpan<int> labels, PredProbs<T> p, FindLabelIssuesOptions options)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = p.N, k = p.K;
        var labelCounts = ConfidentJoint.LabelCounts(labels, k);
        var (confidentJoint, offDiagonal) = ConfidentJoint.ComputeCore(labels, p, calibrate: true);
        bool[] mask;
        switch (options.FilterBy)
        {
            case FilterBy.LowNormalizedMargin:
            case FilterBy.LowSelfConfidence:
                {
                    var scores = options.FilterBy == FilterBy.LowSelfConfidence
                        ? LabelQuality.SelfConfidence(labels, p)
                        : LabelQuality.NormalizedMargin(labels, p);
                    int numErrors = CountOffDiagonal(labels, p, offDiagonal);
                    mask = new bool[n];
                    StableSelection.MarkLowest<T>(scores, numErrors, new T[n], mask);
                    break;
                }

            case FilterBy.ConfidentLearning:
                mask = new bool[n];
                foreach (int i in offDiagonal) mask[i] = true;
                break;
            case FilterBy.PredictedNeqGiven:
                {
                    var predictedNeqGiven = new bool[n];
                    var labelArray = labels.ToArray();
                    var data = p.Array;
                    Parallelism.ForBlocks(n, Parallelism.RowBlock, (start, end) =>
                    {
                        for (int i = start; i < end; i++) predictedNeqGiven[i] = ArgMax<T>(data.AsSpan(i * k, k)) != labelArray[i];
                    });
                    mask = predictedNeqGiven;
                    break;
                }

            default:
                mask = Prune(labels, p, options, confidentJoint, labelCounts);
                break;
        }

        if (options.FilterBy is not (FilterBy.LowNormalizedMargin or FilterBy.LowSelfConfidence))
        {
            var labelArray = labels.ToArray();
            var data = p.Array;
            Parallelism.ForBlocks(n, Parallelism.RowBlock, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (start, end) =>
            {
                for (int i = start; i < end; i++)
                {
                    if (mask[i] && ClassPruning.IsPredictedAsGiven<T>(data.AsSpan(i * k, k), labelArray[i])) mask[i] = false;
                }
            });
        }

        int[]? ranked = options.ReturnIndicesRankedBy is { } rankBy ? Order(labels, p, mask, (ScoreMethod)rankBy) : null;
        return new LabelIssuesResult(mask, ranked);
    }

    private static bool[] Prune<T>(ReadOnlySpan<int> labels, PredProbs<T> p, FindLabelIssuesOptions options, long[,] confidentJoint, long[] labelCounts)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = p.N, k = p.K;
        var pruneCounts = PruneCounts.KeepAtLeastNPerClass(confidentJoint, options.MinExamplesPerClass, options.FracNoise);
        if (options.NumToRemovePerClass is { } ntr) pruneCounts = PruneCounts.WithNumToRemovePerClass(pruneCounts, ntr, labelCounts);
        bool[]? byClass = null;
        if (options.FilterBy is FilterBy.PruneByClass or FilterBy.Both)
        {
            var members = ClassPruning.IndicesByClass(labels, k);
            byClass = new bool[n];
            Parallelism.For(k, c => ClassPruning.PruneByClass(p, c, members[c], pruneCounts, options.MinExamplesPerClass, byClass));
            if (options.FilterBy == FilterBy.PruneByClass) return byClass;
        }

        var byNoiseRate = NoiseRatePruning.Run(labels, p, pruneCounts, options.MinExamplesPerClass);
        if (byClass is not null)
        {
            for (int i = 0; i < n; i++) byNoiseRate[i] &= byClass[i];
        }

        return byNoiseRate;
    }

    /// <summary><c>order_label_issues</c>: flagged indices sorted by ascending score (stable).</summary>
    internal static int[] Order<T>(ReadOnlySpan<int> labels, PredProbs<T> p, bool[] mask, ScoreMethod method)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var scores = LabelQuality.ScoresCore(labels, p, method, adjustPredProbs: false);
        var flagged = new List<int>();
        for (int i = 0; i < mask.Length; i++)
        {
            if (mask[i]) flagged.Add(i);
        }

        var flaggedScores = new double[flagged.Count];
        for (int m = 0; m < flaggedScores.Length; m++) flaggedScores[m] = scores[flagged[m]];
        var order = StableOrder.Ascending<double>(flaggedScores);
        var ranked = new int[order.Length];
        for (int m = 0; m < ranked.Length; m++) ranked[m] = flagged[order[m]];
        return ranked;
    }

    internal static int CountCore<T>(ReadOnlySpan<int> labels, PredProbs<T> p, NumLabelIssuesMethod method)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        switch (method)
        {
            case NumLabelIssuesMethod.OffDiagonal:
                {
                    var (_, offDiagonal) = ConfidentJoint.ComputeCore(labels, p, calibrate: false);
                    return CountOffDiagonal(labels, p, offDiagonal);
                }

            case NumLabelIssuesMethod.OffDiagonalCalibrated:
                {
                    var (joint, _) = ConfidentJoint.ComputeCore(labels, p, calibrate: true);
                    var normalized = ConfidentJoint.Normalize(joint);
                    double fraction = 1.0 - Trace(normalized);
                    return (int)Math.Round(fraction * labels.Length, MidpointRounding.ToEven);
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(method));
        }
    }

    private static int CountOffDiagonal<T>(ReadOnlySpan<int> labels, PredProbs<T> p, int[] offDiagonal)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int count = 0;
        foreach (int i in offDiagonal)
        {
            if (!ClassPruning.IsPredictedAsGiven(p.Row(i), labels[i])) count++;
        }

        return count;
    }

    /// <summary><c>np.trace</c>: a numpy (pairwise) sum over the diagonal.</summary>
    internal static double Trace(double[,] matrix)
    {
        var diagonal = new double[matrix.GetLength(0)];
        for (int c = 0; c < diagonal.Length; c++) diagonal[c] = matrix[c, c];
        return NumpyReductions.Sum<double>(diagonal);
    }

    /// <summary>numpy argmax: the first position of the maximum.</summary>
    internal static int ArgMax<T>(ReadOnlySpan<T> row)
        where T : IFloatingPointIeee754<T>
    {
        T max = LabelQuality.MaxExcluding(row, -1);
        for (int c = 0; c < row.Length; c++)
        {
            if (row[c] == max) return c;
        }

        return 0;
    }
}
