namespace LabelErrors.Core.Imaging;

/// <summary>
/// The study's global QuickDraw index: the 345 <c>numpy_bitmap</c> class files, sorted by file name, laid end to end.
/// A global index falls in the first class whose cumulative count exceeds it; the index inside that file is what is
/// left after the earlier classes (the label-errors repository's quickdraw_example_index_the_dataset_files.py).
/// </summary>
public sealed class QuickDrawIndex
{
    private readonly long[] _cumulative;

    public QuickDrawIndex(IReadOnlyList<long> classCounts)
    {
        _cumulative = new long[classCounts.Count];
        long total = 0;
        for (var i = 0; i < classCounts.Count; i++)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(classCounts[i], nameof(classCounts));
            total = checked(total + classCounts[i]);
            _cumulative[i] = total;
        }
    }

    /// <summary>The size of the whole set (50,426,266 for the real files).</summary>
    public long Total => _cumulative.Length == 0 ? 0 : _cumulative[^1];

    /// <summary>The class (the file's position in sorted order, also its label) and the row inside that file.</summary>
    public (int ClassIndex, long IndexInClass) Locate(long globalIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(globalIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(globalIndex, Total);
        // First class whose cumulative count is greater than the index: an upper-bound binary search.
        int low = 0, high = _cumulative.Length - 1;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (_cumulative[mid] > globalIndex)
                high = mid;
            else
                low = mid + 1;
        }
        var before = low == 0 ? 0 : _cumulative[low - 1];
        return (low, globalIndex - before);
    }
}
