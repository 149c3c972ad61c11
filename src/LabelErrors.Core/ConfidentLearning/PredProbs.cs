using System.Numerics;

namespace LabelErrors.Core.ConfidentLearning;

/// <summary>
/// Predicted class probabilities: an N×K row-major matrix (row = example, column = class) over
/// <see cref="double"/>, <see cref="float"/> or <see cref="Half"/> storage, kept in the precision the file stored
/// (f2 → Half, f4 → float, f8 / integers / CSV → double): the one matrix type of readers, validation and algorithms.
/// Algorithms compute in the element precision, like numpy does for float32/float16 arrays, so their outputs match
/// cleanlab's.
/// </summary>
public abstract class PredProbs
{
    private protected PredProbs(int n, int k)
    {
        if (n < 0) throw new ArgumentOutOfRangeException(nameof(n), "N must not be negative.");
        // K = 0 is a shape a file can have; the input validator names it ("pred_probs has no columns")
        if (k < 0) throw new ArgumentOutOfRangeException(nameof(k), "K must not be negative.");
        N = n;
        K = k;
    }

    /// <summary>Number of examples (rows).</summary>
    public int N { get; }

    /// <summary>Number of classes (columns).</summary>
    public int K { get; }

    public abstract FloatPrecision Precision { get; }

    /// <summary>Element (row, column) widened to double.</summary>
    public abstract double this[int row, int column] { get; }

    public static PredProbs<double> FromDouble(double[] data, int n, int k) => new(data, n, k);

    public static PredProbs<float> FromSingle(float[] data, int n, int k) => new(data, n, k);

    public static PredProbs<Half> FromHalf(Half[] data, int n, int k) => new(data, n, k);

    /// <summary>Throws <see cref="ArgumentException"/> when any value is NaN or infinite.</summary>
    public abstract void EnsureFinite();

    /// <summary>Copies one row widened to double into <paramref name="destination"/> (length ≥ K).</summary>
    public abstract void CopyRow(int row, Span<double> destination);

    /// <summary>The whole matrix widened to double (a copy when stored narrower, the same array when already double).</summary>
    public abstract double[] ToDoubleArray();

}

/// <summary>A <see cref="PredProbs"/> matrix with elements of type <typeparamref name="T"/>.</summary>
public sealed class PredProbs<T> : PredProbs
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _data;

    public PredProbs(T[] data, int n, int k)
        : base(n, k)
    {
        ArgumentNullException.ThrowIfNull(data);
        if ((long)n * k != data.LongLength)
        {
            throw new ArgumentException($"Expected N×K = {(long)n * k} values, got {data.LongLength}.", nameof(data));
        }
        _data = data;
    }

    public override FloatPrecision Precision =>
        typeof(T) == typeof(double) ? FloatPrecision.Float64
        : typeof(T) == typeof(float) ? FloatPrecision.Float32
        : typeof(T) == typeof(Half) ? FloatPrecision.Float16
        : throw new NotSupportedException($"Element type {typeof(T).Name} is not supported.");

    /// <summary>All values, row-major.</summary>
    public ReadOnlySpan<T> Data => _data;

    internal T[] Array => _data;

    public ReadOnlySpan<T> Row(int row) => new(_data, row * K, K);

    public T Get(int row, int column) => _data[row * K + column];

    public override double this[int row, int column] => double.CreateChecked(_data[row * K + column]);

    public override void CopyRow(int row, Span<double> destination)
    {
        var source = Row(row);
        if (typeof(T) == typeof(double))
        {
            System.Runtime.InteropServices.MemoryMarshal.Cast<T, double>(source).CopyTo(destination);
            return;
        }
        for (int c = 0; c < source.Length; c++) destination[c] = double.CreateTruncating(source[c]);
    }

    public override double[] ToDoubleArray()
    {
        if (_data is double[] doubles) return doubles;
        var result = new double[_data.Length];
        for (int i = 0; i < result.Length; i++) result[i] = double.CreateTruncating(_data[i]);
        return result;
    }

    public override void EnsureFinite()
    {
        var data = _data;
        for (int i = 0; i < data.Length; i++)
        {
            if (!T.IsFinite(data[i]))
            {
                throw new ArgumentException(
                    $"pred_probs must be finite: row {i / K}, column {i % K} is {data[i]}.", "predProbs");
            }
        }
    }
}
