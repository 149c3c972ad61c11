namespace LabelErrors.Web.Review;

/// <summary>
/// An upload's review queue read a stretch at a time by keyset (the position is an item's own sort key, so no statement
/// skips or sorts the rows before it): at 10M examples the queue is ≈ 1M flagged rows, which no session loads whole.
/// </summary>
public interface IReviewQueue<TItem>
    where TItem : class, IQueuedExample
{
    /// <summary>How many examples the queue holds.</summary>
    Task<int> CountAsync(CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="take"/> items just after <paramref name="after"/> (from the start when null), in queue order.</summary>
    Task<IReadOnlyList<TItem>> AfterAsync(TItem? after, int take, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="take"/> items just before <paramref name="before"/> (up to the end when null), in queue order.</summary>
    Task<IReadOnlyList<TItem>> BeforeAsync(TItem? before, int take, CancellationToken cancellationToken);

    /// <summary>The item's position: how many items come before it.</summary>
    Task<int> CountBeforeAsync(TItem item, CancellationToken cancellationToken);

    /// <summary>The first of these examples in queue order (null when the queue holds none of them).</summary>
    Task<TItem?> FirstOfAsync(IReadOnlyCollection<long> studyIndices, CancellationToken cancellationToken);

    /// <summary>How many of these examples the queue holds.</summary>
    Task<int> CountOfAsync(IReadOnlyCollection<long> studyIndices, CancellationToken cancellationToken);
}
