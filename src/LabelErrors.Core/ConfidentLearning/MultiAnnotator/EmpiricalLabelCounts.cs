namespace LabelErrors.Core.ConfidentLearning.MultiAnnotator;

/// <summary>
/// cleanlab's <c>internal.util.value_counts(labels, num_classes=K)</c> as the multiannotator code calls it, on float
/// labels (NaN removed). Quirk kept on purpose: for float labels cleanlab does not index the counts by class but
/// writes the counts of the distinct labels, in ascending class order, to positions 0, 1, 2, …; only when every class
/// occurs is that the class order. E.g. labels {2, 2, 3} with K = 5 give [2, 1, 0, 0, 0], not [0, 0, 2, 1, 0].
/// This is what <c>quality_method='agreement'</c>'s posterior and ActiveLab's temperature search see.
/// </summary>
internal static class EmpiricalLabelCounts
{
    public static void Fill(ReadOnlySpan<int> votesPerClass, Span<double> destination)
    {
        destination.Clear();
        int position = 0;
        foreach (int count in votesPerClass)
        {
            if (count > 0) destination[position++] = count;
        }
    }
}
