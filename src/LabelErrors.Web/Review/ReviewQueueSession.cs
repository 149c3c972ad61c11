using LabelErrors.Data.Entities;
using LabelErrors.Web.Uploads;

namespace LabelErrors.Web.Review;

/// <summary>
/// What every review session shares, whatever a decision holds (one label, a label set): the queue of flagged
/// examples, the position in it, each example's current decision, moving, undo and the bulk accept. Every change is
/// recorded by the review services before the call returns; the session only remembers where the reviewer is. Actions
/// run one at a time (keys arrive faster than the database answers), so a second key waits for the first.
/// </summary>
public abstract class ReviewQueueSession<TItem, TBulkChange> : IDisposable
    where TItem : class, IQueuedExample
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly ReviewService _log;
    private Dictionary<long, ReviewDecision> _current = [];

    private protected ReviewQueueSession(ReviewService log, UploadLookup upload) => (_log, Upload) = (log, upload);

    public UploadLookup Upload { get; }
    public Dataset Dataset => Upload.Dataset;
    public UploadContentKind Content => Dataset.Upload!.Content;

    public IReadOnlyList<TItem> Queue { get; private set; } = [];
    public IReadOnlyDictionary<long, ReviewDecision> Decisions => _current;
    public int Position { get; private set; }

    /// <summary>A note the next decision saves.</summary>
    public string? Note { get; set; }

    /// <summary>Why the last decision was refused, until the next one is recorded.</summary>
    public string? Error { get; private set; }

    public int BulkK { get; set; } = 10;
    public IReadOnlyList<TBulkChange>? BulkPreview { get; private set; }
    public bool BulkApplied { get; private set; }

    public TItem? Current => Position >= 0 && Position < Queue.Count ? Queue[Position] : null;
    public TItem? Next => Position + 1 < Queue.Count ? Queue[Position + 1] : null;
    public int Decided => Queue.Count(i => _current.ContainsKey(i.StudyIndex));
    public bool IsComplete => Queue.Count > 0 && Decided == Queue.Count;
    public double ProgressPercent => Queue.Count == 0 ? 100 : 100.0 * Decided / Queue.Count;

    public ReviewDecision? DecisionOf(TItem item) => _current.GetValueOrDefault(item.StudyIndex);

    /// <summary>Loads the queue and the decisions so far, and resumes at the first undecided example (a reload or crash loses nothing).</summary>
    internal async Task OpenAsync(CancellationToken cancellationToken)
    {
        Queue = await QueueAsync(cancellationToken);
        await ReloadDecisionsAsync(cancellationToken);
        Position = Math.Max(0, FirstUndecidedFrom(0) ?? 0);
        await LoadCurrentAsync(cancellationToken);
    }

    /// <summary>Takes back the latest decision (a whole bulk accept if it was one) and goes to the first example it changed.</summary>
    public Task UndoAsync(CancellationToken cancellationToken = default) => OneAtATimeAsync(async () =>
    {
        var undone = await _log.UndoLastAsync(Dataset.Id, cancellationToken);
        await ReloadDecisionsAsync(cancellationToken);
        if (undone.Count > 0)
        {
            var first = Queue.Select((item, i) => (item, i)).Where(p => undone.Contains(p.item.StudyIndex)).Select(p => (int?)p.i).FirstOrDefault();
            if (first is { } position)
                Position = position;
            if (BulkApplied && undone.Count > 1)
                (BulkPreview, BulkApplied) = (null, false);
        }
        await LoadCurrentAsync(cancellationToken);
    }, cancellationToken);

    /// <summary>Moves <paramref name="by"/> places in the queue, stopping at its ends.</summary>
    public Task MoveAsync(int by, CancellationToken cancellationToken = default) => OneAtATimeAsync(async () =>
    {
        Position = Math.Clamp(Position + by, 0, Math.Max(0, Queue.Count - 1));
        await LoadCurrentAsync(cancellationToken);
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
        Position = FirstUndecidedFrom(0) ?? Position;
        await LoadCurrentAsync(cancellationToken);
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
            _current[item.StudyIndex] = decision;
        }
        catch (TRefusal e)
        {
            Error = e.Message;
            return;
        }
        Note = null;
        Error = null;
        Position = FirstUndecidedFrom(Position + 1) ?? FirstUndecidedFrom(0) ?? Position;
        await LoadCurrentAsync(cancellationToken);
    }, cancellationToken);

    private protected abstract Task<IReadOnlyList<TItem>> QueueAsync(CancellationToken cancellationToken);

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

    private async Task ReloadDecisionsAsync(CancellationToken cancellationToken) =>
        _current = (await _log.CurrentAsync(Dataset.Id, cancellationToken)).ToDictionary();

    private int? FirstUndecidedFrom(int start)
    {
        for (var i = start; i < Queue.Count; i++)
        {
            if (!_current.ContainsKey(Queue[i].StudyIndex))
                return i;
        }
        return null;
    }
}
