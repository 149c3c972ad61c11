using System.Numerics;

namespace LabelErrors.Core.ConfidentLearning.Streaming;

/// <summary>
/// <see cref="PaperSelection.Select"/> over a pred_probs matrix read in row blocks, with the same result: the count
/// from the uncalibrated cleanlab 1.0.1 confident joint (two passes; none for mnist), then the examples with the
/// lowest margin p[given] − max over other classes in one pass with a bounded heap (ties: lowest index), then
/// their rows for the normalized_margin score and predicted label.
/// </summary>
public static class StreamingPaperSelection
{
    /// <summary>The ranked candidates the study shows for <paramref name="datasetSlug"/>; Score is the normalized margin.</summary>
    public static IReadOnlyList<StreamedIssue> Select(
        string datasetSlug,
        int[] labels,
        PredProbsSource source,
        StreamingOptions? streaming = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(source);
        string slug = PaperSelection.NormalizeSlug(datasetSlug);
        streaming ??= new StreamingOptions();
        return source switch
        {
            PredProbsSource<double> d => SelectCore(slug, labels, d, streaming, cancellationToken),
            PredProbsSource<float> f => SelectCore(slug, labels, f, streaming, cancellationToken),
            PredProbsSource<Half> h => SelectCore(slug, labels, h, streaming, cancellationToken),
            _ => throw new NotSupportedException(source.GetType().Name),
        };
    }

    private static StreamedIssue[] SelectCore<T>(string slug, int[] labels, PredProbsSource<T> source, StreamingOptions streaming, CancellationToken cancellationToken)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        bool mnist = slug == "mnist";
        var blocks = new RowBlocks<T>(source, streaming, mnist ? 2 : 4);
        int count = mnist ? PaperSelection.MnistShownOnSite : NumErrors(slug, labels, source, blocks, cancellationToken);
        if (mnist) InputChecks.ValidateLabels(labels, source.N, source.K, allowOneClass: true);

        int k = source.K;
        int capacity = Math.Clamp(count, 0, source.N);
        var workers = blocks.Run(
            "lowest margins",
            () => new LowestKeys<T>(capacity),
            (lowest, first, rowCount, rows) =>
            {
                for (int r = 0; r < rowCount; r++)
                {
                    var row = rows.Slice(r * k, k);
                    if (mnist) StreamingPasses.EnsureFinite(row, first + r); // the other rules scanned every value in pass 1
                    T margin = PaperSelection.Margin(row, labels[first + r]);
                    if (margin <= lowest.AdmissionBound) lowest.Offer(margin, first + r);
                }
            },
            cancellationToken);
        var merged = workers[0];
        for (int w = 1; w < workers.Length; w++)
        {
            for (int e = 0; e < workers[w].Count; e++) merged.Offer(workers[w].Keys[e], workers[w].Positions[e]);
        }

        // the kept entries in (margin, index) order: np.argsort(margins, kind='stable')[:count]
        var kept = new (T Margin, int Index)[merged.Count];
        for (int e = 0; e < kept.Length; e++) kept[e] = (merged.Keys[e], merged.Positions[e]);
        Array.Sort(kept, (a, b) => a.Margin != b.Margin ? a.Margin.CompareTo(b.Margin) : a.Index.CompareTo(b.Index));
        var positions = Array.ConvertAll(kept, entry => entry.Index);

        var ascending = (int[])positions.Clone();
        Array.Sort(ascending);
        var rowsRead = FlaggedRows.Read(blocks, k, labels, ascending, ScoreMethod.NormalizedMargin, cancellationToken);
        var issues = new StreamedIssue[positions.Length];
        for (int e = 0; e < positions.Length; e++)
        {
            int m = Array.BinarySearch(ascending, positions[e]);
            issues[e] = new StreamedIssue(positions[e], rowsRead.PredictedLabels[m], rowsRead.Scores[m]);
        }

        return issues;
    }

    /// <summary>
    /// <see cref="PaperSelection.NumErrors"/> (every dataset but mnist) in two passes: cleanlab 1.0.1 thresholds
    /// (plain class means) and the uncalibrated joint.
    /// </summary>
    private static int NumErrors<T>(string slug, int[] labels, PredProbsSource<T> source, RowBlocks<T> blocks, CancellationToken cancellationToken)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int k = source.K;
        InputChecks.ValidateLabels(labels, source.N, k, allowOneClass: false);
        var present = new bool[k];
        foreach (int label in labels) present[label] = true;
        int missing = Array.IndexOf(present, false);
        if (missing >= 0)
        {
            throw new ArgumentException($"cleanlab 1.0.1 semantics need every class in the labels; class {missing} has no example.", nameof(labels));
        }

        var selfConfidence = StreamingPasses.SelfConfidence(blocks, source, labels, requireUnitRange: false, cancellationToken);
        var thresholds = ConfidentThresholds.ClassMeans(labels, selfConfidence, k);
        var joint = StreamingPasses.CountConfidentJoint(blocks, k, labels, thresholds, compareInFloat64: false, cancellationToken);
        if (slug != "imagenet") return Cleanlab101.NumLabelErrors(joint, labels.Length);
        long offDiagonal = 0;
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++)
            {
                if (i != j) offDiagonal += joint[i, j];
            }
        }

        return checked((int)offDiagonal);
    }
}
