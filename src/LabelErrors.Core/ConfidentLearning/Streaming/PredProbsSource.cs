using System.Numerics;

namespace LabelErrors.Core.ConfidentLearning.Streaming;

/// <summary>
/// An N×K pred_probs matrix read in blocks of rows, so the streaming algorithms can make a few passes over a matrix
/// larger than memory. Implementations must allow concurrent reads of different blocks.
/// </summary>
public abstract class PredProbsSource : IDisposable
{
    private protected PredProbsSource(long n, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        if (n > int.MaxValue) throw new ArgumentOutOfRangeException(nameof(n), "At most 2^31 − 1 rows are supported (labels are an int array).");
        N = (int)n;
        K = k;
    }

    /// <summary>Number of examples (rows).</summary>
    public int N { get; }

    /// <summary>Number of classes (columns).</summary>
    public int K { get; }

    public abstract FloatPrecision Precision { get; }

    /// <summary>Size of one row in bytes.</summary>
    public abstract int RowBytes { get; }

    /// <summary>Wraps an in-memory matrix (no copy): the upload job runs the block algorithm over it, and tests check the streaming path against the in-memory one.</summary>
    public static PredProbsSource FromMemory(PredProbs predProbs) => predProbs switch
    {
        PredProbs<double> d => new InMemoryPredProbsSource<double>(d),
        PredProbs<float> f => new InMemoryPredProbsSource<float>(f),
        PredProbs<Half> h => new InMemoryPredProbsSource<Half>(h),
        _ => throw new NotSupportedException(predProbs?.GetType().Name),
    };

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}

/// <summary>A <see cref="PredProbsSource"/> with elements of type <typeparamref name="T"/>.</summary>
public abstract class PredProbsSource<T> : PredProbsSource
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private protected PredProbsSource(long n, int k)
        : base(n, k)
    {
    }

    public override FloatPrecision Precision =>
        typeof(T) == typeof(double) ? FloatPrecision.Float64
        : typeof(T) == typeof(float) ? FloatPrecision.Float32
        : FloatPrecision.Float16;

    public override int RowBytes => K * System.Runtime.CompilerServices.Unsafe.SizeOf<T>();

    /// <summary>
    /// Rows [<paramref name="firstRow"/>, firstRow + rowCount) row-major, either read into <paramref name="buffer"/>
    /// (which must hold rowCount × K values) or served directly from memory. Valid until the buffer is reused.
    /// </summary>
    public abstract ReadOnlySpan<T> ReadRows(int firstRow, int rowCount, Span<T> buffer);

    /// <summary>Rows [<paramref name="firstRow"/>, firstRow + rowCount) will be read soon: a file source starts reading them in the background.</summary>
    internal virtual void WillRead(int firstRow, int rowCount)
    {
    }
}
