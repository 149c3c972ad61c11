namespace LabelErrors.Core.ConfidentLearning.MultiAnnotator;

/// <summary>
/// <c>np.sum</c> / <c>np.mean</c> of a float64 array as numpy 1.24 computes them for any length: the reduction runs
/// over buffers of 8192 elements, each summed pairwise, the buffer sums added in order. (A single pairwise sum over
/// more than 8192 elements can differ in the last bit; checked against numpy on 140k-element arrays.)
/// </summary>
internal static class NumpySum
{
    private const int BufferSize = 8192;

    public static double Of(ReadOnlySpan<double> values)
    {
        double total = 0;
        for (int start = 0; start < values.Length; start += BufferSize)
            total += NumpyReductions.PairwiseSum(values.Slice(start, Math.Min(BufferSize, values.Length - start)));
        return total;
    }

    /// <summary><c>np.mean</c>: NaN for an empty array.</summary>
    public static double Mean(ReadOnlySpan<double> values) => Of(values) / values.Length;
}
