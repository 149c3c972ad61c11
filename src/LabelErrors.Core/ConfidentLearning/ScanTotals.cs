using System.Numerics;

namespace LabelErrors.Core.ConfidentLearning;

/// <summary>
/// <see cref="ValueScan"/>'s result (all values finite, minimum, maximum) gathered inside another pass from values
/// that pass has already loaded (see <see cref="ConfidentGuesses"/>), so validation costs no reads of its own.
/// A NaN is tracked explicitly: the native vector minimum and maximum used here do not propagate it.
/// </summary>
internal struct ScanTotals<T>()
    where T : IFloatingPointIeee754<T>
{
    // element types without vector support (float16) only ever use the scalar fields
    private Vector<T> _minima = Vector<T>.IsSupported ? new(T.PositiveInfinity) : default;
    private Vector<T> _maxima = Vector<T>.IsSupported ? new(T.NegativeInfinity) : default;
    private Vector<T> _numbers = Vector<T>.IsSupported ? Vector<T>.AllBitsSet : default;
    private T _min = T.PositiveInfinity;
    private T _max = T.NegativeInfinity;
    private bool _noNaN = true;
    private bool _any;

    public readonly ValueScan.Result Result
    {
        get
        {
            if (!_any) return ValueScan.Result.Empty;
            T min = _min, max = _max;
            bool noNaN = _noNaN;
            if (Vector<T>.IsSupported)
            {
                for (int l = 0; l < Vector<T>.Count; l++)
                {
                    min = T.Min(min, _minima[l]);
                    max = T.Max(max, _maxima[l]);
                }

                noNaN &= Vector.EqualsAll(Vector.AsVectorByte(_numbers), Vector<byte>.AllBitsSet);
            }

            // without NaN, every value is finite exactly when the extremes are
            bool finite = noNaN && T.IsFinite(min) && T.IsFinite(max);
            return new ValueScan.Result(finite, double.CreateChecked(min), double.CreateChecked(max));
        }
    }

    /// <summary>Adds lane-wise minima and maxima of some values and their NaN mask (all bits set where a value is a number).</summary>
    public void Add(Vector<T> minima, Vector<T> maxima, Vector<T> numbers)
    {
        _minima = Vector.MinNative(_minima, minima);
        _maxima = Vector.MaxNative(_maxima, maxima);
        _numbers &= numbers;
        _any = true;
    }

    public void Add(T value)
    {
        _noNaN &= !T.IsNaN(value);
        if (value < _min) _min = value;
        if (value > _max) _max = value;
        _any = true;
    }
}
