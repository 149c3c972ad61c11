namespace LabelErrors.Web.Review;

/// <summary>
/// The stretch of a review queue a session holds: at most two windows of <c>size</c> items around the reviewer's
/// position, fetched by keyset as the reviewer moves (the next window when the position and the one after it pass the
/// end, the previous one when going back before the start). Positions are counted from the queue's start; the total
/// comes from one count.
/// </summary>
internal sealed class QueueWindow<TItem>(IReviewQueue<TItem> queue, int size)
    where TItem : class, IQueuedExample
{
    private List<TItem> _items = [];
    private int _start;

    /// <summary>How many examples the queue holds.</summary>
    public int Total { get; private set; }

    /// <summary>The first position held, and how many are held from it (at most two windows).</summary>
    public (int Start, int Count) Held => (_start, _items.Count);

    private int End => _start + _items.Count;

    /// <summary>The item at <paramref name="position"/> if the window holds it.</summary>
    public TItem? At(int position) => position >= _start && position < End ? _items[position - _start] : null;

    /// <summary>Counts the queue and holds its first window.</summary>
    public async Task OpenAsync(CancellationToken cancellationToken)
    {
        Total = await queue.CountAsync(cancellationToken);
        await HeadAsync(cancellationToken);
    }

    /// <summary>
    /// Makes the window hold <paramref name="position"/> and the position after it (when there is one, so the next
    /// example is at hand). Near the window it steps a window at a time; far from it, near the queue's start or end, it
    /// reads that end; elsewhere it steps (only a move by many places does that).
    /// </summary>
    public async Task HoldAsync(int position, CancellationToken cancellationToken)
    {
        if (Total == 0)
            return;
        position = Math.Clamp(position, 0, Total - 1);
        var last = Math.Min(position + 1, Total - 1);
        if (position < _start - size || last >= End + size || _items.Count == 0)
        {
            if (position < size)
                await HeadAsync(cancellationToken);
            else if (position >= Total - size)
                await TailAsync(cancellationToken);
        }
        while (position < _start && _items.Count > 0)
        {
            var before = await queue.BeforeAsync(_items[0], size, cancellationToken);
            if (before.Count == 0)
                break;
            _items.InsertRange(0, before);
            _start -= before.Count;
            if (_items.Count > 2 * size)
                _items.RemoveRange(2 * size, _items.Count - 2 * size);
        }
        while (last >= End && End < Total)
        {
            var after = await queue.AfterAsync(_items.Count > 0 ? _items[^1] : null, size, cancellationToken);
            if (after.Count == 0)
                break;
            _items.AddRange(after);
            if (_items.Count > 2 * size)
            {
                var dropped = _items.Count - 2 * size;
                _items.RemoveRange(0, dropped);
                _start += dropped;
            }
        }
    }

    /// <summary>The position of the first of these examples the queue holds (null when none), and the window holds it.</summary>
    public async Task<int?> FirstOfAsync(IReadOnlyCollection<long> studyIndices, CancellationToken cancellationToken)
    {
        if (await queue.FirstOfAsync(studyIndices, cancellationToken) is not { } item)
            return null;
        var held = _items.FindIndex(i => i.StudyIndex == item.StudyIndex);
        if (held >= 0)
            return _start + held;
        // Away from the window: its position is a count, and the window is read around it.
        var position = await queue.CountBeforeAsync(item, cancellationToken);
        var before = await queue.BeforeAsync(item, size / 2, cancellationToken);
        var after = await queue.AfterAsync(item, size, cancellationToken);
        _items = [.. before, item, .. after];
        _start = position - before.Count;
        return position;
    }

    /// <summary>How many of these examples the queue holds.</summary>
    public Task<int> CountOfAsync(IReadOnlyCollection<long> studyIndices, CancellationToken cancellationToken) =>
        queue.CountOfAsync(studyIndices, cancellationToken);

    private async Task HeadAsync(CancellationToken cancellationToken)
    {
        _items = [.. await queue.AfterAsync(null, size, cancellationToken)];
        _start = 0;
    }

    private async Task TailAsync(CancellationToken cancellationToken)
    {
        _items = [.. await queue.BeforeAsync(null, size, cancellationToken)];
        _start = Total - _items.Count;
    }
}
