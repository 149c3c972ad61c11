using System.Numerics;

namespace LabelErrors.Core.ConfidentLearning.Streaming;

/// <summary>
/// cleanlab 2.9.0's <c>find_label_issues</c>, every <c>filter_by</c> and ranking, over a pred_probs matrix read in
/// row blocks (e.g. a file larger than memory), with the same result as <see cref="LabelIssues.Find"/>. Passes:
/// per-class thresholds (and input checks), confident joint, the filter's own pass where it needs one, then the rows
/// of the selected examples only. Memory: the labels plus 8–12 bytes per row (self-confidence, guesses) while the
/// joint is built, O(K² + flagged) afterwards, one block buffer per worker; the low_* filters keep two scores per
/// row (the selection needs them all). See docs/confident-learning.md, "Streaming".
/// </summary>
public static class StreamingLabelIssues
{
    /// <summary>
    /// <c>find_label_issues(labels, pred_probs, **options)</c>: every filter_by; frac_noise, num_to_remove_per_class,
    /// min_examples_per_class and return_indices_ranked_by.
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
        bool allZero = Array.TrueForAll(labels, label => label == 0);
        InputChecks.ValidateLabels(labels, source.N, source.K, allowOneClass: allZero);
        options.Validate(source.K);
        return source switch
        {
            PredProbsSource<double> d => FindCore(labels, d, options, streaming, cancellationToken),
            PredProbsSource<float> f => FindCore(labels, f, options, streaming, cancellationToken),
            PredProbsSource<Half> h => FindCore(labels, h, options, streaming, cancellationToken),
            _ => throw new NotSupportedException(source.GetType().Name),
        };
    }

    /// <summary>
    /// Passes over pred_probs a filter needs with the default ranking (the progress bar shows "pass i/n"); see
    /// <see cref="Passes(FindLabelIssuesOptions)"/>.
    /// </summary>
    public static int Passes(FilterBy filterBy) => Passes(new FindLabelIssuesOptions { FilterBy = filterBy });

    /// <summary>
    /// Passes over pred_probs for these options (up to 65,536 classes): pass 1 keeps a summary of every row (see
    /// <see cref="RowSummaries{T}"/>), from which the guesses, predicted labels and scores follow; then the rows the
    /// summaries cannot decide (only their blocks), the prune_by_noise_rate selection, and the flagged rows only for
    /// confidence_weighted_entropy (every value of a row enters it).
    /// </summary>
    public static int Passes(FindLabelIssuesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        int entropy = options.ReturnIndicesRankedBy == RankBy.ConfidenceWeightedEntropy ? 1 : 0;
        return entropy + options.FilterBy switch
        {
            // thresholds and predicted labels (the joint does not enter the result)
            FilterBy.PredictedNeqGiven => 1,
            // thresholds, undecided guesses; selections from the summaries
            FilterBy.PruneByClass or FilterBy.ConfidentLearning or FilterBy.LowSelfConfidence or FilterBy.LowNormalizedMargin => 2,
            // thresholds, undecided guesses, selection
            _ => 3,
        };
    }

    /// <summary>Passes of the path for more than 65,536 classes (no row summaries: each step reads the rows).</summary>
    private static int PassesWithoutSummaries(FilterBy filterBy) => filterBy switch
    {
        // thresholds, [joint,] flagged rows: prune_by_class selects from the self-confidences of the first pass
        FilterBy.PruneByClass or FilterBy.ConfidentLearning => 3,
        // thresholds, predicted labels, flagged rows (the joint does not enter the result)
        FilterBy.PredictedNeqGiven => 3,
        _ => 4,
    };

    private static StreamingLabelIssuesResult FindCore<T>(
        int[] labels, PredProbsSource<T> source, FindLabelIssuesOptions options, StreamingOptions streaming, CancellationToken cancellationToken)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!RowSummaries<T>.Supports(source.K) || !streaming.SummariseRows) return FindWithoutSummaries(labels, source, options, streaming, cancellationToken);
        int k = source.K;
        var filter = options.FilterBy;
        var blocks = new RowBlocks<T>(source, streaming, Passes(options));
        var labelCounts = ConfidentJoint.LabelCounts(labels, k);

        var summaries = RowSummaries<T>.Read(blocks, source, labels, cancellationToken, streaming.RowCheck);
        var thresholds = ConfidentThresholds.FromSelfConfidence(labels, summaries.SelfConfidence, k, out bool allClassesPresent);

        int[] candidates;
        if (filter == FilterBy.PredictedNeqGiven)
        {
            candidates = FilterPasses.PredictedNeqGiven(summaries, labels);
        }
        else
        {
            var guesses = SummaryGuesses<T>.Resolve(blocks, k, summaries, thresholds, compareInFloat64: !allClassesPresent, cancellationToken);
            candidates = filter switch
            {
                FilterBy.ConfidentLearning => OffDiagonal(guesses.All(), labels),
                FilterBy.LowSelfConfidence or FilterBy.LowNormalizedMargin =>
                    FilterPasses.LowestScores(summaries, labels, guesses.All(), margins: filter == FilterBy.LowNormalizedMargin),
                _ => Prune(blocks, labels, options, guesses.CountJoint(labels, k), labelCounts, summaries.SelfConfidence, cancellationToken, summaries),
            };
            summaries.ReleaseThird();
        }

        var method = (ScoreMethod?)options.ReturnIndicesRankedBy;
        var rows = method == ScoreMethod.ConfidenceWeightedEntropy
            ? FlaggedRows.Read(blocks, k, labels, candidates, method, cancellationToken)
            : FlaggedRows.FromSummaries(summaries, labels, candidates, method);
        // cleanlab's _reduce_issues (drop examples predicted as given) runs for every filter but the low_* ones
        bool reduce = filter is not (FilterBy.LowSelfConfidence or FilterBy.LowNormalizedMargin);
        return Collect(source.N, rows, method is not null, reduce);
    }

    /// <summary>The passes without row summaries (more than 65,536 classes): every step reads the rows it needs.</summary>
    private static StreamingLabelIssuesResult FindWithoutSummaries<T>(
        int[] labels, PredProbsSource<T> source, FindLabelIssuesOptions options, StreamingOptions streaming, CancellationToken cancellationToken)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int k = source.K;
        var filter = options.FilterBy;
        var blocks = new RowBlocks<T>(source, streaming, PassesWithoutSummaries(filter));
        var labelCounts = ConfidentJoint.LabelCounts(labels, k);

        T[]? selfConfidence = StreamingPasses.SelfConfidence(blocks, source, labels, requireUnitRange: true, cancellationToken, streaming.RowCheck);
        var thresholds = ConfidentThresholds.FromSelfConfidence(labels, selfConfidence, k, out bool allClassesPresent);
        if (filter is not (FilterBy.PruneByClass or FilterBy.Both or FilterBy.LowSelfConfidence)) selfConfidence = null;

        int[] candidates;
        if (filter == FilterBy.PredictedNeqGiven)
        {
            candidates = FilterPasses.PredictedNeqGiven(blocks, k, labels, cancellationToken);
        }
        else
        {
            var guesses = StreamingPasses.Guesses(blocks, k, labels, thresholds, compareInFloat64: !allClassesPresent, cancellationToken);
            candidates = filter switch
            {
                FilterBy.ConfidentLearning => OffDiagonal(guesses, labels),
                FilterBy.LowSelfConfidence or FilterBy.LowNormalizedMargin => FilterPasses.LowestScores(blocks, k, labels, guesses, selfConfidence, cancellationToken),
                _ => Prune(blocks, labels, options, StreamingPasses.CountJoint(guesses, labels, k), labelCounts, selfConfidence, cancellationToken),
            };
        }

        var method = (ScoreMethod?)options.ReturnIndicesRankedBy;
        var rows = FlaggedRows.Read(blocks, k, labels, candidates, method, cancellationToken);
        // cleanlab's _reduce_issues (drop examples predicted as given) runs for every filter but the low_* ones
        bool reduce = filter is not (FilterBy.LowSelfConfidence or FilterBy.LowNormalizedMargin);
        return Collect(source.N, rows, method is not null, reduce);
    }

    /// <summary>prune_by_noise_rate, prune_by_class or both, from the (unclipped, uncalibrated) confident joint.</summary>
    private static int[] Prune<T>(
        RowBlocks<T> blocks, int[] labels, FindLabelIssuesOptions options, long[,] joint, long[] labelCounts, T[]? selfConfidence, CancellationToken cancellationToken,
        RowSummaries<T>? summaries = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int k = labelCounts.Length;
        for (int c = 0; c < k; c++) joint[c, c] = Math.Max(joint[c, c], 1);
        joint = ConfidentJoint.Calibrate(joint, labelCounts);
        var pruneCounts = PruneCounts.KeepAtLeastNPerClass(joint, options.MinExamplesPerClass, options.FracNoise);
        if (options.NumToRemovePerClass is { } ntr) pruneCounts = PruneCounts.WithNumToRemovePerClass(pruneCounts, ntr, labelCounts);
        var classCounts = Array.ConvertAll(labelCounts, count => (int)count);

        int[]? byClass = options.FilterBy is FilterBy.PruneByClass or FilterBy.Both
            ? ClassSelection.Select(selfConfidence!, labels, classCounts, pruneCounts, options.MinExamplesPerClass)
            : null;
        if (options.FilterBy == FilterBy.PruneByClass) return byClass!;

        var plan = new NoiseRateSelection<T>(pruneCounts, classCounts, options.MinExamplesPerClass);
        if (summaries is not null) plan.SeedBounds(labels, summaries.SelfConfidence, summaries.First, summaries.FirstClass, summaries.Second, summaries.SecondClass);
        bool widenHalf = typeof(T) == typeof(Half);
        int chunkRows = Math.Max(1, 8192 / k);
        var workers = blocks.Run(
            "selection",
            () => (Selection: plan.CreateWorker(), Buffer: new WideningBuffer()),
            (worker, first, count, rows) =>
            {
                worker.Selection.RefreshClassBounds();
                if (summaries is not null)
                {
                    // the pairs of a row's first and second columns were offered from its summary (SeedBounds); every
                    // other column holds at most the third value, so the key own − third decides most rows alone (no
                    // cell can take them) and only the others are looked at
                    var third = summaries.Third!;
                    for (int r = 0; r < count; r++)
                    {
                        int i = first + r, label = labels[i];
                        if (worker.Selection.CanSkipRow(label, double.CreateChecked(summaries.SelfConfidence[i] - third[i]))) continue;
                        var row = rows.Slice(r * k, k);
                        if (widenHalf) worker.Selection.OfferWidened(worker.Buffer.Widen(row), label, i, summaries.FirstClass[i], summaries.SecondClass[i]);
                        else worker.Selection.Offer(row, label, i, summaries.FirstClass[i], summaries.SecondClass[i]);
                    }

                    return;
                }

                if (widenHalf)
                {
                    // a few rows at a time, so the float copy stays in the first-level cache
                    for (int start = 0; start < count; start += chunkRows)
                    {
                        int chunk = Math.Min(chunkRows, count - start);
                        var chunkValues = rows.Slice(start * k, chunk * k);
                        var widened = worker.Buffer.Widen(chunkValues);
                        for (int r = 0; r < chunk; r++)
                        {
                            int i = first + start + r;
                            worker.Selection.OfferWidened(widened.Slice(r * k, k), labels[i], i);
                        }
                    }

                    return;
                }

                for (int r = 0; r < count; r++) worker.Selection.Offer(rows.Slice(r * k, k), labels[first + r], first + r);
            },
            cancellationToken);
        var byNoiseRate = plan.Merge(workers.Select(w => w.Selection).ToArray());
        return byClass is null ? byNoiseRate : byNoiseRate.Intersect(byClass).Order().ToArray();
    }

    /// <summary>confident_learning: the examples counted off the diagonal of the confident joint, ascending.</summary>
    private static int[] OffDiagonal(int[] guesses, int[] labels)
    {
        var found = new List<int>();
        for (int i = 0; i < guesses.Length; i++)
        {
            if (guesses[i] != ConfidentGuesses.NotConfident && guesses[i] != labels[i]) found.Add(i);
        }

        return [.. found];
    }

    /// <summary>
    /// Drops the examples predicted as given (when <paramref name="reduce"/>) and orders the rest by ascending score
    /// (stable), as <c>order_label_issues</c>.
    /// </summary>
    internal static StreamingLabelIssuesResult Collect<T>(int n, FlaggedRows.Rows<T> rows, bool ranked, bool reduce = true)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var kept = new List<int>();
        for (int m = 0; m < rows.Indices.Length; m++)
        {
            if (!reduce || !rows.PredictedAsGiven[m]) kept.Add(m);
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
