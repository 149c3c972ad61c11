using System.Numerics;

namespace LabelErrors.Core.ConfidentLearning.Streaming;

/// <summary>The passes of the filters other than prune_by_*: predicted_neq_given and the low_* filters.</summary>
internal static class FilterPasses
{
    /// <summary>predicted_neq_given: the examples whose numpy argmax differs from the given label, ascending.</summary>
    public static int[] PredictedNeqGiven<T>(RowBlocks<T> blocks, int k, int[] labels, CancellationToken cancellationToken)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var workers = blocks.Run(
            "predicted labels",
            () => (Found: new List<int>(), Buffer: new WideningBuffer()),
            (state, first, count, rows) =>
            {
                for (int r = 0; r < count; r++)
                {
                    // float16 rows widened (exact, order kept): the same first maximum, found with vectors
                    int argmax = typeof(T) == typeof(Half)
                        ? LabelIssues.ArgMax(state.Buffer.Widen(rows.Slice(r * k, k)))
                        : LabelIssues.ArgMax(rows.Slice(r * k, k));
                    if (argmax != labels[first + r]) state.Found.Add(first + r);
                }
            },
            cancellationToken);
        var all = workers.SelectMany(w => w.Found).ToArray();
        Array.Sort(all);
        return all;
    }

    /// <summary>
    /// low_self_confidence / low_normalized_margin: the num_label_issues examples with the lowest score (ties: lowest
    /// index), ascending. num_label_issues counts the off-diagonal examples of the confident joint that
    /// <c>_reduce_issues</c> keeps; their rows (and, for the margin, every row) are read in one pass. Memory: one
    /// score per example and a copy for the selection.
    /// </summary>
    public static int[] LowestScores<T>(
        RowBlocks<T> blocks, int k, int[] labels, int[] guesses, T[]? selfConfidence, CancellationToken cancellationToken)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var offDiagonal = new bool[labels.Length];
        for (int i = 0; i < labels.Length; i++) offDiagonal[i] = guesses[i] != ConfidentGuesses.NotConfident && guesses[i] != labels[i];

        var scores = selfConfidence ?? new T[labels.Length];
        bool margins = selfConfidence is null;
        int blockRows = blocks.BlockRows;
        var counts = blocks.Run(
            margins ? "normalized margins" : "off-diagonal rows",
            () => new StrongBox(),
            (state, first, count, rows) =>
            {
                for (int r = 0; r < count; r++)
                {
                    int i = first + r;
                    var row = rows.Slice(r * k, k);
                    if (margins) scores[i] = LabelQuality.NormalizedMarginRow(row, labels[i]);
                    if (offDiagonal[i] && !ClassPruning.IsPredictedAsGiven(row, labels[i])) state.Value++;
                }
            },
            cancellationToken,
            include: margins ? null : b => Array.IndexOf(offDiagonal, true, b * blockRows, Math.Min(blockRows, labels.Length - b * blockRows)) >= 0);
        int numErrors = counts.Sum(c => c.Value);
        offDiagonal = null!;

        return LowestIndices(scores, numErrors);
    }

    /// <summary>predicted_neq_given from the argmax kept by pass 1: no pass.</summary>
    public static int[] PredictedNeqGiven<T>(RowSummaries<T> summaries, int[] labels)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var found = new List<int>();
        for (int i = 0; i < labels.Length; i++)
        {
            if (summaries.FirstClass[i] != labels[i]) found.Add(i);
        }

        return [.. found];
    }

    /// <summary>
    /// <see cref="LowestScores{T}(RowBlocks{T}, int, int[], int[], T[], CancellationToken)"/> from the summaries of
    /// pass 1: <c>_reduce_issues</c>, the self-confidence and the normalized margin of every row are kept there, so
    /// no pass.
    /// </summary>
    public static int[] LowestScores<T>(RowSummaries<T> summaries, int[] labels, int[] guesses, bool margins)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int numErrors = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            if (guesses[i] != ConfidentGuesses.NotConfident && guesses[i] != labels[i] && !summaries.PredictedAsGiven[i]) numErrors++;
        }

        var scores = summaries.SelfConfidence;
        if (margins)
        {
            scores = new T[labels.Length];
            for (int i = 0; i < scores.Length; i++) scores[i] = summaries.NormalizedMargin(i, labels[i]);
        }

        return LowestIndices(scores, numErrors);
    }

    /// <summary>The indices of the <paramref name="count"/> lowest scores, in index order (ties as numpy's stable sort breaks them).</summary>
    private static int[] LowestIndices<T>(T[] scores, int count)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var mask = new bool[scores.Length];
        StableSelection.MarkLowest<T>(scores, count, new T[scores.Length], mask);
        var selected = new List<int>();
        for (int i = 0; i < mask.Length; i++)
        {
            if (mask[i]) selected.Add(i);
        }

        return [.. selected];
    }

    private sealed class StrongBox
    {
        public int Value { get; set; }
    }
}
