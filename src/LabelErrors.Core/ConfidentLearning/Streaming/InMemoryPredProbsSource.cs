using System.Numerics;

namespace LabelErrors.Core.ConfidentLearning.Streaming;

/// <summary>A <see cref="PredProbs{T}"/> seen as a <see cref="PredProbsSource{T}"/>: rows are served without copying.</summary>
internal sealed class InMemoryPredProbsSource<T>(PredProbs<T> predProbs) : PredProbsSource<T>(predProbs.N, predProbs.K)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public override ReadOnlySpan<T> ReadRows(int firstRow, int rowCount, Span<T> buffer) =>
        predProbs.Data.Slice(firstRow * K, rowCount * K);
}
