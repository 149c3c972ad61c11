namespace LabelErrors.Core.ConfidentLearning.Streaming;

/// <summary>
/// cleanlab's confident thresholds (per class, the mean self-confidence of the examples given that class), in the
/// element type of the pred_probs they were computed from, as one pass hands them to a later one: the health summary
/// computes them anyway, and <see cref="StreamingRowScores"/> then scores the outliers in its single row pass instead
/// of a pass of its own to compute them first.
/// </summary>
public sealed class ClassThresholds
{
    private ClassThresholds(Array values, int classes)
    {
        Values = values;
        Classes = classes;
    }

    /// <summary>The thresholds as a <c>T[]</c> of the source's element type.</summary>
    internal Array Values { get; }

    public int Classes { get; }

    internal static ClassThresholds Of<T>(T[] values) where T : unmanaged => new(values, values.Length);

    /// <summary>The values for a source of element type <typeparamref name="T"/> with <paramref name="k"/> classes.</summary>
    internal T[] For<T>(int k) where T : unmanaged =>
        Values is T[] values && values.Length == k
            ? values
            : throw new ArgumentException(
                $"The thresholds were computed for {Classes} classes of {Values.GetType().GetElementType()!.Name}, not {k} of {typeof(T).Name}.");
}
