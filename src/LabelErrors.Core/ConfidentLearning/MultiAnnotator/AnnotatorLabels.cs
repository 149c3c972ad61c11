namespace LabelErrors.Core.ConfidentLearning.MultiAnnotator;

/// <summary>
/// Labels of N examples by M annotators (cleanlab's <c>labels_multiannotator</c>): row-major N×M class indices,
/// <see cref="Missing"/> where an annotator did not label an example (cleanlab's NaN).
/// </summary>
public sealed class AnnotatorLabels
{
    /// <summary>The value of a cell whose annotator gave no label.</summary>
    public const int Missing = -1;

    private readonly int[] _labels;

    public AnnotatorLabels(int[] labels, int n, IReadOnlyList<string> annotatorIds)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(annotatorIds);
        if (n < 0) throw new ArgumentOutOfRangeException(nameof(n), "N must not be negative.");
        if ((long)n * annotatorIds.Count != labels.LongLength)
        {
            throw new ArgumentException(
                $"Expected N×M = {(long)n * annotatorIds.Count} labels for {n} examples and {annotatorIds.Count} annotators, got {labels.LongLength}.",
                nameof(labels));
        }

        _labels = labels;
        N = n;
        M = annotatorIds.Count;
        AnnotatorIds = annotatorIds;
    }

    /// <summary>Annotators named 0..M−1 (cleanlab's ids for a numpy array input).</summary>
    public AnnotatorLabels(int[] labels, int n, int m)
        : this(labels, n, Enumerable.Range(0, m).Select(j => j.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray())
    {
    }

    /// <summary>Number of examples.</summary>
    public int N { get; }

    /// <summary>Number of annotators.</summary>
    public int M { get; }

    /// <summary>Annotator ids in column order (the CSV header; cleanlab's DataFrame columns).</summary>
    public IReadOnlyList<string> AnnotatorIds { get; }

    /// <summary>The label annotator <paramref name="annotator"/> gave example <paramref name="example"/>, or <see cref="Missing"/>.</summary>
    public int this[int example, int annotator] => _labels[example * M + annotator];

    /// <summary>One example's labels, one per annotator.</summary>
    public ReadOnlySpan<int> Row(int example) => new(_labels, example * M, M);

    /// <summary>How many annotators labelled each example (cleanlab's <c>num_annotations</c>).</summary>
    public int[] NumAnnotations()
    {
        var counts = new int[N];
        for (int i = 0; i < N; i++)
        {
            int c = 0;
            foreach (int label in Row(i)) c += label == Missing ? 0 : 1;
            counts[i] = c;
        }

        return counts;
    }

    /// <summary>How many examples each annotator labelled (cleanlab's <c>num_examples_labeled</c>).</summary>
    public int[] NumExamplesLabeled()
    {
        var counts = new int[M];
        for (int i = 0; i < N; i++)
        {
            var row = Row(i);
            for (int j = 0; j < row.Length; j++) counts[j] += row[j] == Missing ? 0 : 1;
        }

        return counts;
    }
}
