namespace LabelErrors.Core.ConfidentLearning.Streaming;

/// <summary>
/// What streaming find_label_issues holds in memory besides the blocks: arrays with one element per example and
/// K×K count matrices. Callers compare it with the memory available and refuse a request that cannot fit, naming
/// the figure, instead of failing with an out-of-memory error hours into a run.
/// </summary>
public static class StreamingMemory
{
    private const long RuntimeBytes = 64L << 20;

    /// <summary>An upper estimate in bytes for N examples, K classes and elements of <paramref name="elementBytes"/>.</summary>
    public static long Estimate(long n, int k, int elementBytes, FilterBy filterBy, int workers)
    {
        // labels, self-confidence and the row summaries of pass 1 (three values, two columns, a flag: RowSummaries)
        long perRow = 4 + elementBytes + (3L * elementBytes) + 5;
        perRow += filterBy switch
        {
            FilterBy.PredictedNeqGiven => 4, // flagged indices, at most one per row
            // guesses, a score and its selection copy, off-diagonal flags and the selection mask
            FilterBy.LowSelfConfidence or FilterBy.LowNormalizedMargin => 4 + 2L * elementBytes + 2,
            // guesses; the flagged rows (index, score, predicted label) are a fraction of N, bounded here by N
            _ => 4 + 4 + 4 + elementBytes,
        };
        long squares = filterBy is FilterBy.PruneByNoiseRate or FilterBy.PruneByClass or FilterBy.Both ? 3 : 1;
        long blocks = workers * 3L * StreamingOptions.DefaultBlockBytes; // block buffer and its float copy
        return checked((n * perRow) + (squares * 8L * k * k) + blocks + RuntimeBytes);
    }

    /// <summary>Bytes as "1.2 GB" (decimal units, as disk sizes are quoted).</summary>
    public static string Format(long bytes) => bytes >= 1_000_000_000
        ? $"{bytes / 1e9:0.0} GB"
        : $"{bytes / 1e6:0} MB";
}
