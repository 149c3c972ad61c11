namespace LabelErrors.Core.ConfidentLearning.MultiAnnotator;

/// <summary>How many annotators gave each class to each example (N×K), as cleanlab's <c>label_count</c>.</summary>
internal sealed class VoteCounts
{
    private readonly int[] _counts;

    private VoteCounts(int[] counts, int n, int k)
    {
        _counts = counts;
        N = n;
        K = k;
    }

    public int N { get; }

    public int K { get; }

    public static VoteCounts Count(AnnotatorLabels labels, int k)
    {
        var counts = new int[labels.N * k];
        for (int i = 0; i < labels.N; i++)
        {
            foreach (int label in labels.Row(i))
            {
                if (label != AnnotatorLabels.Missing) counts[i * k + label]++;
            }
        }

        return new VoteCounts(counts, labels.N, k);
    }

    public ReadOnlySpan<int> Row(int example) => new(_counts, example * K, K);

    public int this[int example, int label] => _counts[example * K + label];

    /// <summary>Annotations per class over all examples (cleanlab's <c>label_count.sum(axis=0)</c>).</summary>
    public long[] ClassTotals()
    {
        var totals = new long[K];
        for (int i = 0; i < _counts.Length; i++) totals[i % K] += _counts[i];
        return totals;
    }
}
