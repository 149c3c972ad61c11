namespace LabelErrors.Core.ConfidentLearning.Outliers;

/// <summary>
/// Datalab's <c>class_imbalance</c> issue (cleanlab 2.9.0 <c>ClassImbalanceIssueManager</c>): the rarest class
/// (smallest class index on ties) is an issue when its share of the examples is below threshold / K, K = the number
/// of distinct labels (Datalab's class names come from the labels, so classes absent from them do not count).
/// Every example of that class is flagged; the score is the class's share for its examples and 1 for all others.
/// </summary>
public static class ClassImbalance
{
    /// <summary>Datalab's default threshold.</summary>
    public const double DefaultThreshold = 0.1;

    public static ClassImbalanceResult Find(ReadOnlySpan<int> labels, double threshold = DefaultThreshold)
    {
        if (labels.Length == 0) throw new ArgumentException("labels must not be empty.", nameof(labels));
        var counts = new SortedDictionary<int, long>();
        foreach (int label in labels)
        {
            if (label < 0) throw new ArgumentException($"Labels must be non-negative class indices (found {label}).", nameof(labels));
            counts[label] = counts.GetValueOrDefault(label) + 1;
        }

        // Datalab renumbers the distinct labels in ascending order, so argmin's first minimum is the smallest class
        int rarest = -1;
        long rarestCount = long.MaxValue;
        foreach (var (label, count) in counts)
        {
            if (count < rarestCount) (rarest, rarestCount) = (label, count);
        }

        double share = (double)rarestCount / labels.Length;
        bool imbalanced = share < threshold * (1.0 / counts.Count);
        var scores = new double[labels.Length];
        var isIssue = new bool[labels.Length];
        for (int i = 0; i < labels.Length; i++)
        {
            bool rare = labels[i] == rarest;
            scores[i] = rare ? share : 1.0;
            isIssue[i] = rare && imbalanced;
        }

        return new ClassImbalanceResult(scores, isIssue, rarest, share, imbalanced);
    }
}
