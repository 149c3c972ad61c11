namespace LabelErrors.Core.ConfidentLearning.MultiAnnotator;

/// <summary><c>np.sum</c> / <c>np.mean</c> of a float64 array as numpy 1.24 computes them (<see cref="NumpyReductions.Sum{T}(ReadOnlySpan{T})"/>).</summary>
internal static class NumpySum
{
    public static double Of(ReadOnlySpan<double> values) => NumpyReductions.Sum(values);

    /// <summary><c>np.mean</c>: NaN for an empty array.</summary>
    public static double Mean(ReadOnlySpan<double> values) => Of(values) / values.Length;
}
