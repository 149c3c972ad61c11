using System.Numerics;

namespace LabelErrors.Core.ConfidentLearning.Streaming;

/// <summary>
/// cleanlab 2.9.0's <c>find_label_issues</c> with <c>filter_by='prune_by_noise_rate'</c> over a pred_probs matrix
/// read in row blocks (e.g. a file larger than memory), with the same result as <see cref="LabelIssues.Find"/>.
/// Four passes: per-class thresholds, confident joint, bounded selection per confident-joint cell, then the rows
/// of the selected examples only. Memory: the labels plus 8–12 bytes per row (self-confidence, guesses) while
/// the joint is built, O(K² + flagged) afterwards, and one block buffer per worker.
/// </summary>
public static class StreamingLabelIssues
{
    private const int Passes = 4;

    /// <summary>
    /// <c>find_label_issues(labels, pred_probs, filter_by='prune_by_noise_rate', **options)</c>; supported options:
    /// frac_noise, num_to_remove_per_class, min_examples_per_class and return_indices_ranked_by.
    /// </summary>
    public static StreamingLabelIssuesResult Find(
        int[] labels,
        PredProbsSource source,
        FindLabelIssuesOptions? options = null,
        StreamingOptions? streaming = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(source);
        options ??= new FindLabelIssuesOptions();
        streaming ??= new StreamingOptions();
        if (options.FilterBy != FilterBy.PruneByNoiseRate)
        {
            throw new NotSupportedException($"Streaming supports filter_by prune_by_noise_rate only, not {options.FilterBy}.");
        }

        bool allZero = Array.TrueForAll(labels, label => label == 0);
        InputChecks.ValidateLabels(labels, source.N, source.K, allowOneClass: allZero);
        LabelIssues.CheckOptions(options, source.K);
        return source switch
        {
            PredProbsSource<double> d => FindCore(labels, d, options, streaming, cancellationToken),
            PredProbsSource<float> f => FindCore(labels, f, options, streaming, cancellationToken),
            PredProbsSource<Half> h => FindCore(labels, h, options, streaming, cancellationToken),
            _ => throw new NotSupportedException(source.GetType().Name),
        };
    }

    private static StreamingLabelIssuesResult FindCore<T>(
        int[] labels, PredProbsSource<T> source, FindLabelIssuesOptions options, StreamingOptions streaming, CancellationToken cancellationToken)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int k = source.K;
        var blocks = new RowBlocks<T>(source, streaming, Passes);
        var labelCounts = ConfidentJoint.LabelCounts(labels, k);

        var selfConfidence = StreamingPasses.SelfConfidence(blocks, source, labels, requireUnitRange: true, cancellationToken);
        var thresholds = ConfidentThresholds.FromSelfConfidence(labels, selfConfidence, k, out bool allClassesPresent);
        selfConfidence = null;

        var joint = StreamingPasses.CountConfidentJoint(blocks, k, labels, thresholds, compareInFloat64: !allClassesPresent, cancellationToken);
        for (int c = 0; c < k; c++) joint[c, c] = Math.Max(joint[c, c], 1);
        joint = ConfidentJoint.Calibrate(joint, labelCounts);

        var pruneCounts = PruneCounts.KeepAtLeastNPerClass(joint, options.MinExamplesPerClass, options.FracNoise);
        if (options.NumToRemovePerClass is { } ntr) pruneCounts = PruneCounts.WithNumToRemovePerClass(pruneCounts, ntr, labelCounts);
        var classCounts = Array.ConvertAll(labelCounts, count => (int)count);
        var plan = new NoiseRateSelection<T>(pruneCounts, classCounts, options.MinExamplesPerClass);
        bool widenHalf = typeof(T) == typeof(Half);
        var workers = blocks.Run(
            "selection",
            () => (Selection: plan.CreateWorker(), Buffer: new WideningBuffer()),
            (worker, first, count, rows) =>
            {
                if (widenHalf)
                {
                    var widened = worker.Buffer.Widen(rows);
                    for (int r = 0; r < count; r++) worker.Selection.OfferWidened(rows.Slice(r * k, k), widened.Slice(r * k, k), labels[first + r], first + r);
                    return;
                }

                for (int r = 0; r < count; r++) worker.Selection.Offer(rows.Slice(r * k, k), labels[first + r], first + r);
            },
            cancellationToken);
        var candidates = plan.Merge(workers.Select(w => w.Selection).ToArray());
        workers = null;

        var method = (ScoreMethod?)options.ReturnIndicesRankedBy;
        var rows = FlaggedRows.Read(blocks, k, labels, candidates, method, cancellationToken);
        return Collect(source.N, rows, method is not null);
    }

    /// <summary>Drops the examples predicted as given and orders the rest by ascending score (stable), as <c>order_label_issues</c>.</summary>
    internal static StreamingLabelIssuesResult Collect<T>(int n, FlaggedRows.Rows<T> rows, bool ranked)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var kept = new List<int>();
        for (int m = 0; m < rows.Indices.Length; m++)
        {
            if (!rows.PredictedAsGiven[m]) kept.Add(m);
        }

        IEnumerable<int> order = kept;
        if (ranked)
        {
            var keptScores = new double[kept.Count];
            for (int e = 0; e < keptScores.Length; e++) keptScores[e] = rows.Scores[kept[e]];
            order = StableOrder.Ascending<double>(keptScores).Select(e => kept[e]);
        }

        var issues = order.Select(m => new StreamedIssue(rows.Indices[m], rows.PredictedLabels[m], rows.Scores[m])).ToArray();
        return new StreamingLabelIssuesResult(n, issues, ranked);
    }
}
