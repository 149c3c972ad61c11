using LabelErrors.Data.Entities;
using LabelErrors.Web.Uploads;

namespace LabelErrors.Web.Review;

/// <summary>
/// What every review session shares, whatever a decision holds (one label, a label set): the queue of flagged
/// examples, the position in it, each example's current decision, moving, undo and the bulk accept. The queue is held
/// a window at a time (<see cref="QueueWindow{TItem}"/>, read by keyset as the reviewer moves), never whole. Every change is
/// recorded by the review services before the call returns; the session only remembers where the reviewer is. Actions
/// run one at a time (keys arrive faster than the database answers), so a second key waits for the first.
/// </summary>
public abstract class ReviewQueueSession<TItem, TBulkChange> : IDisposable
    where TItem : class, IQueuedExample
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly ReviewService _log;
    private readonly QueueWindow<TItem> _queue;
    private Dictionary<long, ReviewDecision> _current = [];
    private int _decided;

    private protected ReviewQueueSession(ReviewService log, UploadLookup upload, IReviewQueue<TItem> queue, int window) =>
        (_log, Upload, _queue) = (log, upload, new QueueWindow<TItem>(queue, window));

    public UploadLookup Upload { get; }
    public Dataset Dataset => Upload.Dataset;
    public UploadContentKind Content => Dataset.Upload!.Content;

    /// <summary>How many examples the queue holds.</summary>
    public int Total => _queue.Total;

    /// <summary>The stretch of the queue held now: its first position and how many (tests look at the window's bounds).</summary>
    internal (int Start, int Count) Held => _queue.Held;

    public IReadOnlyDictionary<long, ReviewDecision> Decisions => _current;
    public int Position { get; private set; }

    /// <summary>A note the next decision saves.</summary>
    public string? Note { get; set; }

    /// <summary>Why the last decision was refused, until the next one is recorded.</summary>
    public string? Error { get; private set; }

    public int BulkK { get; set; } = 10;
    public IReadOnlyList<TBulkChange>? BulkPreview { get; private set; }
    public bool BulkApplied { get; private set; }

    public TItem? Current => _queue.At(Position);
    public TItem? Next => _queue.At(Position + 1);

    /// <summary>How many of the queue's examples have a current decision.</summary>
    public int Decided => _decided;
    public bool IsComplete => Total > 0 && Decided == Total;
    public double ProgressPercent => Total == 0 ? 100 : 100.0 * Decided / Total;

    public ReviewDecision? DecisionOf(TItem item) => _current.GetValueOrDefault(item.StudyIndex);

    /// <summary>Loads the queue and the decisions so far, and resumes at the first undecided example (a reload or crash loses nothing).</summary>
    internal async Task OpenAsync(CancellationToken cancellationToken)
    {
        await _queue.OpenAsync(cancellationToken);
        await ReloadDecisionsAsync(cancellationToken);
        await GoToAsync(await FirstUndecidedFromAsync(0, cancellationToken) ?? 0, cancellationToken);
    }

    /// <summary>Takes back the latest decision (a whole bulk accept if it was one) and goes to the first example it changed.</summary>
    public Task UndoAsync(CancellationToken cancellationToken = default) => OneAtATimeAsync(async () =>
    {
        var undone = await _log.UndoLastAsync(Dataset.Id, cancellationToken);
        await ReloadDecisionsAsync(cancellationToken);
        if (undone.Count > 0)
        {
            if (await _queue.FirstOfAsync(undone, cancellationToken) is { } position)
                Position = position;
            if (BulkApplied && undone.Count > 1)
                (BulkPreview, BulkApplied) = (null, false);
        }
        await GoToAsync(Position, cancellationToken);
    }, cancellationToken);

    /// <summary>Moves <paramref name="by"/> places in the queue, stopping at its ends.</summary>
    public Task MoveAsync(int by, CancellationToken cancellationToken = default) => OneAtATimeAsync(async () =>
    {
        await GoToAsync(Math.Clamp(Position + by, 0, Math.Max(0, Total - 1)), cancellationToken);
    }, cancellationToken);

    /// <summary>What accepting the suggestion for the <see cref="BulkK"/> worst undecided examples would change.</summary>
    public async Task PreviewBulkAsync(CancellationToken cancellationToken = default)
    {
        BulkApplied = false;
        BulkPreview = await PreviewBulkAcceptAsync(BulkK, cancellationToken);
    }

    /// <summary>Accepts the suggestion for the <see cref="BulkK"/> worst undecided examples as one batch (one undo takes it back).</summary>
    public Task ApplyBulkAsync(CancellationToken cancellationToken = default) => OneAtATimeAsync(async () =>
    {
        BulkPreview = await BulkAcceptAsync(BulkK, cancellationToken);
        BulkApplied = true;
        await ReloadDecisionsAsync(cancellationToken);
        await GoToAsync(await FirstUndecidedFromAsync(0, cancellationToken) ?? Position, cancellationToken);
    }, cancellationToken);

    public void Dispose()
    {
        _oneAtATime.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// Records what <paramref name="decide"/> decides for the current example (null: nothing to record) and moves to the
    /// next undecided one; a refusal of type <typeparamref name="TRefusal"/> is kept in <see cref="Error"/>.
    /// </summary>
    private protected Task RecordAsync<TRefusal>(Func<TItem, Task<ReviewDecision?>> decide, CancellationToken cancellationToken)
        where TRefusal : Exception => OneAtATimeAsync(async () =>
    {
        if (Current is not { } item)
            return;
        try
        {
            if (await decide(item) is not { } decision)
                return;
            if (!_current.ContainsKey(item.StudyIndex))
                _decided++;
            _current[item.StudyIndex] = decision;
        }
        catch (TRefusal e)
        {
            Error = e.Message;
            return;
        }
        Note = null;
        Error = null;
        var next = await FirstUndecidedFromAsync(Position + 1, cancellationToken) ?? await FirstUndecidedFromAsync(0, cancellationToken) ?? Position;
        await GoToAsync(next, cancellationToken);
    }, cancellationToken);

    private protected abstract Task<IReadOnlyList<TBulkChange>> PreviewBulkAcceptAsync(int worst, CancellationToken cancellationToken);

    private protected abstract Task<IReadOnlyList<TBulkChange>> BulkAcceptAsync(int worst, CancellationToken cancellationToken);

    /// <summary>Loads what the page shows of the current example.</summary>
    private protected abstract Task LoadCurrentAsync(CancellationToken cancellationToken);

    private async Task OneAtATimeAsync(Func<Task> action, CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            await action();
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private async Task ReloadDecisionsAsync(CancellationToken cancellationToken)
    {
        _current = (await _log.CurrentAsync(Dataset.Id, cancellationToken)).ToDictionary();
        // A decision may name an example outside the queue (the API takes any index): only the queue's count.
        _decided = await _queue.CountOfAsync(_current.Keys, cancellationToken);
    }

    /// <summary>Moves to <paramref name="position"/>, with the window holding it and the next one, and loads what the page shows.</summary>
    private async Task GoToAsync(int position, CancellationToken cancellationToken)
    {
        await _queue.HoldAsync(position, cancellationToken);
        Position = position;
        await LoadCurrentAsync(cancellationToken);
    }

    /// <summary>
    /// The first undecided position from <paramref name="start"/> on, walking the queue a window at a time: a walk
    /// reads as many windows as there are decided examples in its way (none when everything is decided).
    /// </summary>
    private async Task<int?> FirstUndecidedFromAsync(int start, CancellationToken cancellationToken)
    {
        if (Decided >= Total)
            return null;
        for (var i = start; i < Total; i++)
        {
            await _queue.HoldAsync(i, cancellationToken);
            if (_queue.At(i) is not { } item)
                return null;
            if (!_current.ContainsKey(item.StudyIndex))
                return i;
        }
        return null;
    }
}
