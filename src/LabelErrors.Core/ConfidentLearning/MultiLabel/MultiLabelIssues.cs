using System.Numerics;

namespace LabelErrors.Core.ConfidentLearning.MultiLabel;

/// <summary>
/// cleanlab 2.9.0's <c>multilabel_classification.filter</c>: <c>find_label_issues</c> and
/// <c>find_multilabel_issues_per_class</c>. Each class is reduced to a binary single-label problem (one-vs-rest, see
/// <see cref="OneVsRest"/>) and solved by the single-label <see cref="LabelIssues"/>; ties follow the stable rule.
/// </summary>
public static class MultiLabelIssues
{
    /// <summary>
    /// <c>find_label_issues(labels, pred_probs, **options)</c>; <see cref="FindLabelIssuesOptions.NumToRemovePerClass"/>
    /// has one entry per class (the issues to flag among the examples that have it).
    /// </summary>
    public static MultiLabelIssuesResult Find(MultiLabels labels, PredProbs predProbs, FindLabelIssuesOptions? options = null)
    {
        options ??= new FindLabelIssuesOptions();
        MultiLabelChecks.Validate(labels, predProbs);
        CheckOptions(options, predProbs.K);
        return predProbs switch
        {
            PredProbs<double> d => FindCore(labels, d, options),
            PredProbs<float> f => FindCore(labels, f, options),
            PredProbs<Half> h => FindCore(labels, h, options),
            _ => throw new NotSupportedException(predProbs.GetType().Name),
        };
    }

    /// <summary><c>find_multilabel_issues_per_class(labels, pred_probs, **options)</c>.</summary>
    public static MultiLabelIssuesPerClass FindPerClass(MultiLabels labels, PredProbs predProbs, FindLabelIssuesOptions? options = null)
    {
        options ??= new FindLabelIssuesOptions();
        MultiLabelChecks.Validate(labels, predProbs);
        CheckOptions(options, predProbs.K);
        return predProbs switch
        {
            PredProbs<double> d => PerClass(labels, d, options),
            PredProbs<float> f => PerClass(labels, f, options),
            PredProbs<Half> h => PerClass(labels, h, options),
            _ => throw new NotSupportedException(predProbs.GetType().Name),
        };
    }

    /// <summary>
    /// The options of the K-class call (num_to_remove_per_class has K entries; each class gets [n_k, 0]). The low_*
    /// filters never pass num_to_remove_per_class on (cleanlab ignores it there), so it is not refused for them.
    /// </summary>
    private static void CheckOptions(FindLabelIssuesOptions options, int k) =>
        (options.FilterBy is FilterBy.LowNormalizedMargin or FilterBy.LowSelfConfidence ? options with { NumToRemovePerClass = null } : options)
            .Validate(k);

    private static MultiLabelIssuesResult FindCore<T>(MultiLabels labels, PredProbs<T> p, FindLabelIssuesOptions options)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = p.N;
        if (options.FilterBy is FilterBy.LowNormalizedMargin or FilterBy.LowSelfConfidence)
        {
            return LowScores(labels, p, options);
        }

        var perClass = PerClass(labels, p, options with { ReturnIndicesRankedBy = null });
        var mask = new bool[n];
        foreach (var issues in perClass.IssuesByClass)
        {
            foreach (int i in issues) mask[i] = true;
        }

        if (options.ReturnIndicesRankedBy is not { } rankBy) return new MultiLabelIssuesResult(mask, null);

        // union of the per-class issues (ascending), ordered by the aggregated score of the ranking method
        MultiLabelChecks.ValidateScorerLabels(labels, p.K);
        var scores = MultiLabelQuality.RowLocal(labels, p, (ScoreMethod)rankBy, ExponentialMovingAverage.DefaultAlpha);
        var flagged = Flagged(mask);
        var flaggedScores = new double[flagged.Length];
        for (int m = 0; m < flagged.Length; m++) flaggedScores[m] = scores[flagged[m]];
        var order = StableOrder.Ascending<double>(flaggedScores);
        return new MultiLabelIssuesResult(mask, [.. order.Select(m => flagged[m])]) { RankScores = scores };
    }

    /// <summary>
    /// filter_by low_self_confidence / low_normalized_margin: as many issues as the per-class confident_learning
    /// filter flags examples, taken lowest first by the default (self_confidence) multi-label score — for both
    /// filters, as cleanlab does. The ranked form keeps cleanlab's indexing: the flagged examples' scores, in index
    /// order, are argsorted and that order indexes the score-ordered issue list.
    /// </summary>
    private static MultiLabelIssuesResult LowScores<T>(MultiLabels labels, PredProbs<T> p, FindLabelIssuesOptions options)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = p.N, k = p.K;
        var confidentLearning = FindCore(labels, p, new FindLabelIssuesOptions { FilterBy = FilterBy.ConfidentLearning });
        int numErrors = confidentLearning.Count;
        MultiLabelChecks.ValidateScorerLabels(labels, k);
        var scores = MultiLabelQuality.RowLocal(labels, p, ScoreMethod.SelfConfidence, ExponentialMovingAverage.DefaultAlpha);
        var errorIndices = StableOrder.LowestAscending<double>(scores, numErrors);
        var mask = new bool[n];
        foreach (int i in errorIndices) mask[i] = true;
        if (options.ReturnIndicesRankedBy is not { } rankBy) return new MultiLabelIssuesResult(mask, null);

        var rankScores = (ScoreMethod)rankBy == ScoreMethod.SelfConfidence
            ? scores
            : MultiLabelQuality.RowLocal(labels, p, (ScoreMethod)rankBy, ExponentialMovingAverage.DefaultAlpha);
        var flaggedScores = Flagged(mask).Select(i => rankScores[i]).ToArray();
        var order = StableOrder.Ascending<double>(flaggedScores);
        return new MultiLabelIssuesResult(mask, [.. order.Select(m => errorIndices[m])]) { RankScores = rankScores };
    }

    /// <summary>
    /// The per-class checks of <see cref="Find"/> and <see cref="FindPerClass"/> without running them (an upload checks
    /// its labels before anything is stored): no class may be in every example, nor in none for predicted_neq_given.
    /// Throws <see cref="ArgumentException"/> with the message those functions give.
    /// </summary>
    public static void CheckClasses(MultiLabels labels, int k, FilterBy filterBy)
    {
        ArgumentNullException.ThrowIfNull(labels);
        CheckOneVsRest(labels.ExamplesByClass(k), labels.Count, filterBy);
    }

    private static void CheckOneVsRest(int[][] byClass, int n, FilterBy filterBy)
    {
        for (int c = 0; c < byClass.Length; c++)
        {
            // the binary find_label_issues accepts a class no example has (all labels 0), not one every example has;
            // find_predicted_neq_given validates without allow_one_class and refuses both
            bool inEvery = byClass[c].Length == n;
            if (inEvery || (filterBy == FilterBy.PredictedNeqGiven && byClass[c].Length == 0))
            {
                throw new ArgumentException(
                    $"Labels must contain at least 2 classes: class {c} is in {(inEvery ? "every" : "no")} example, so its one-vs-rest labels have one class.",
                    "labels");
            }
        }
    }

    private static MultiLabelIssuesPerClass PerClass<T>(MultiLabels labels, PredProbs<T> p, FindLabelIssuesOptions options)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = p.N, k = p.K;
        var byClass = labels.ExamplesByClass(k);
        CheckOneVsRest(byClass, n, options.FilterBy);

        // classes in groups: one pass over the row-major matrix gathers a group's columns (a column alone would read
        // one value per cache line), then the group's independent binary problems run in parallel
        var result = new int[k][];
        for (int first = 0; first < k; first += OneVsRest.GroupSize)
        {
            int count = Math.Min(OneVsRest.GroupSize, k - first);
            var columns = OneVsRest.PredProbs(p, first, count);
            Parallelism.For(count, m =>
            {
                int c = first + m;
                var binaryOptions = options with
                {
                    NumToRemovePerClass = options.NumToRemovePerClass is { } ntr ? new[] { ntr[c], 0 } : null,
                };
                var found = LabelIssues.FindCore(OneVsRest.Labels(n, byClass[c]), columns[m], binaryOptions);
                columns[m] = null!; // each binary matrix is 2N values: free it as soon as its class is done
                result[c] = found.RankedIndices ?? Flagged(found.Mask);
            });
        }

        return new MultiLabelIssuesPerClass(result, options.ReturnIndicesRankedBy is not null);
    }

    /// <summary>The positions of the set flags, ascending.</summary>
    internal static int[] Flagged(bool[] mask)
    {
        int count = 0;
        foreach (bool flag in mask)
        {
            if (flag) count++;
        }

        var flagged = new int[count];
        int next = 0;
        for (int i = 0; i < mask.Length; i++)
        {
            if (mask[i]) flagged[next++] = i;
        }

        return flagged;
    }
}
