using System.Globalization;
using LabelErrors.Data.Entities;
using LabelErrors.Web.Uploads;
using LabelErrors.Web.Uploads.MultiLabel;

namespace LabelErrors.Web.Review.MultiLabel;

/// <summary>
/// One owner's review of a multi-label upload, as the review page shows it: the flagged examples in the gallery's
/// order, the position in it, the current example with its classes (given, suggested, per-class quality), the set being
/// edited (<see cref="Draft"/>, toggled class by class), each example's current decision, undo and the bulk accept.
/// Every change is recorded before the call returns; actions run one at a time (keys arrive faster than the database answers).
/// </summary>
public sealed class MultiLabelReviewSession : IDisposable
{
    private readonly MultiLabelReviewService _decisions;
    private readonly ReviewService _log;
    private readonly MultiLabelGallery _gallery;
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private Dictionary<long, ReviewDecision> _current = [];
    private SortedSet<int> _draft = [];

    internal MultiLabelReviewSession(MultiLabelReviewService decisions, ReviewService log, MultiLabelGallery gallery, UploadLookup upload)
    {
        if (upload.Dataset.Upload is not { Task: UploadTask.MultiLabel })
            throw new ArgumentException("a multi-label review needs a multi-label upload", nameof(upload));
        (_decisions, _log, _gallery, Upload) = (decisions, log, gallery, upload);
    }

    public UploadLookup Upload { get; }
    public Dataset Dataset => Upload.Dataset;
    public UploadContentKind Content => Dataset.Upload!.Content;

    public IReadOnlyList<MultiLabelQueueItem> Queue { get; private set; } = [];
    public IReadOnlyDictionary<long, ReviewDecision> Decisions => _current;
    public int Position { get; private set; }

    /// <summary>The current example with its stored classes (given, predicted or flagged).</summary>
    public MultiLabelExample? Example { get; private set; }

    /// <summary>The current example's text (text uploads only).</summary>
    public string? Text { get; private set; }

    /// <summary>The set the reviewer is building: the decided set when there is one, else the suggested set.</summary>
    public IReadOnlyCollection<int> Draft => _draft;

    public string? Note { get; set; }
    public string? Error { get; private set; }

    public int BulkK { get; set; } = 10;
    public IReadOnlyList<MultiLabelBulkChange>? BulkPreview { get; private set; }
    public bool BulkApplied { get; private set; }

    public MultiLabelQueueItem? Current => Position >= 0 && Position < Queue.Count ? Queue[Position] : null;
    public MultiLabelQueueItem? Next => Position + 1 < Queue.Count ? Queue[Position + 1] : null;
    public int Decided => Queue.Count(i => _current.ContainsKey(i.StudyIndex));
    public bool IsComplete => Queue.Count > 0 && Decided == Queue.Count;
    public double ProgressPercent => Queue.Count == 0 ? 100 : 100.0 * Decided / Queue.Count;

    public ReviewDecision? DecisionOf(MultiLabelQueueItem item) => _current.GetValueOrDefault(item.StudyIndex);

    /// <summary>The classes offered as toggles: the example's stored classes, then any other class the draft holds.</summary>
    public IReadOnlyList<int> ToggleClasses => Example is not { } e ? []
        : e.Classes.OrderBy(c => c.Issue is null ? 1 : 0).ThenBy(c => c.Quality).Select(c => c.ClassIndex)
            .Concat(_draft.Where(c => e.Classes.All(k => k.ClassIndex != c))).ToList();

    internal async Task OpenAsync(CancellationToken cancellationToken)
    {
        Queue = await _decisions.QueueAsync(Dataset.Id, cancellationToken);
        await ReloadDecisionsAsync(cancellationToken);
        Position = Math.Max(0, FirstUndecidedFrom(0) ?? 0);
        await LoadCurrentAsync(cancellationToken);
    }

    /// <summary>A review hotkey (see review.js); false when the key means nothing here.</summary>
    public async Task<bool> HandleKeyAsync(string key, CancellationToken cancellationToken = default)
    {
        if (Current is null)
            return false;
        var action = key switch
        {
            "q" => DecideAsync(ReviewDecisionKind.Keep, cancellationToken),
            "w" => DecideAsync(ReviewDecisionKind.Accept, cancellationToken),
            "e" => DecideAsync(ReviewDecisionKind.Exclude, cancellationToken),
            "n" => DecideAsync(ReviewDecisionKind.NeedsReview, cancellationToken),
            "s" => SaveDraftAsync(cancellationToken),
            "z" => UndoAsync(cancellationToken),
            "ArrowLeft" => MoveAsync(-1, cancellationToken),
            "ArrowRight" => MoveAsync(1, cancellationToken),
            [var digit] when digit is >= '1' and <= '9' => ToggleNth(digit - '1'),
            _ => null,
        };
        if (action is null)
            return false;
        await action;
        return true;
    }

    /// <summary>Adds a class to the draft, or takes it out.</summary>
    public void Toggle(int classIndex)
    {
        if (classIndex < 0 || classIndex >= Dataset.ClassCount)
            return;
        if (!_draft.Remove(classIndex))
            _draft.Add(classIndex);
    }

    /// <summary>Records the draft: "keep" when it is the given set, "accept" when it is the suggested one, else a custom set.</summary>
    public Task SaveDraftAsync(CancellationToken cancellationToken = default)
    {
        if (Example is not { } example)
            return Task.CompletedTask;
        var kind = MultiLabelDecisionRule.KindOf(_draft, example.Given, example.Suggested);
        return RecordAsync(kind, kind == ReviewDecisionKind.Relabel ? _draft.ToList() : null, cancellationToken);
    }

    public Task DecideAsync(ReviewDecisionKind kind, CancellationToken cancellationToken = default) =>
        kind == ReviewDecisionKind.Relabel ? SaveDraftAsync(cancellationToken) : RecordAsync(kind, null, cancellationToken);

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

    public Task MoveAsync(int by, CancellationToken cancellationToken = default) => OneAtATimeAsync(async () =>
    {
        Position = Math.Clamp(Position + by, 0, Math.Max(0, Queue.Count - 1));
        await LoadCurrentAsync(cancellationToken);
    }, cancellationToken);

    public async Task PreviewBulkAsync(CancellationToken cancellationToken = default)
    {
        BulkApplied = false;
        BulkPreview = await _decisions.PreviewBulkAcceptAsync(Dataset.Id, BulkK, cancellationToken);
    }

    public Task ApplyBulkAsync(CancellationToken cancellationToken = default) => OneAtATimeAsync(async () =>
    {
        BulkPreview = await _decisions.BulkAcceptAsync(Dataset.Id, BulkK, cancellationToken: cancellationToken);
        BulkApplied = true;
        await ReloadDecisionsAsync(cancellationToken);
        Position = FirstUndecidedFrom(0) ?? Position;
        await LoadCurrentAsync(cancellationToken);
    }, cancellationToken);

    public string ClassName(int label) =>
        Dataset.Classes.FirstOrDefault(c => c.Index == label)?.Name ?? label.ToString(CultureInfo.InvariantCulture);

    public string SetText(IEnumerable<int> set)
    {
        var names = set.Select(ClassName).ToList();
        return names.Count == 0 ? "no labels" : string.Join(", ", names);
    }

    public string DecisionText(ReviewDecision decision) => decision.Kind switch
    {
        ReviewDecisionKind.Keep => $"keep the given labels ({SetText(decision.Labels ?? [])})",
        ReviewDecisionKind.Accept => $"accept the suggested labels ({SetText(decision.Labels ?? [])})",
        ReviewDecisionKind.Relabel => $"custom labels ({SetText(decision.Labels ?? [])})",
        ReviewDecisionKind.Exclude => "exclude",
        _ => "needs review",
    } + (decision.Note is { } note ? $" — {note}" : "");

    public void Dispose() => _oneAtATime.Dispose();

    private Task? ToggleNth(int n)
    {
        var classes = ToggleClasses;
        if (n >= classes.Count)
            return null;
        Toggle(classes[n]);
        return Task.CompletedTask;
    }

    private Task RecordAsync(ReviewDecisionKind kind, IReadOnlyList<int>? labels, CancellationToken cancellationToken) => OneAtATimeAsync(async () =>
    {
        if (Current is not { } item)
            return;
        try
        {
            _current[item.StudyIndex] = await _decisions.DecideAsync(Dataset.Id, new MultiLabelDecisionInput(item.StudyIndex, kind, labels, Note), cancellationToken);
        }
        catch (MultiLabelReviewException e)
        {
            Error = e.Message;
            return;
        }
        Note = null;
        Error = null;
        Position = FirstUndecidedFrom(Position + 1) ?? FirstUndecidedFrom(0) ?? Position;
        await LoadCurrentAsync(cancellationToken);
    }, cancellationToken);

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

    private async Task LoadCurrentAsync(CancellationToken cancellationToken)
    {
        if (Current is not { } item)
            return;
        Example = await _gallery.FindAsync(Dataset.Id, item.StudyIndex, cancellationToken);
        var decided = DecisionOf(item)?.Labels;
        _draft = new SortedSet<int>(decided ?? Example?.Suggested ?? []);
        Text = Content == UploadContentKind.Text ? await _log.TextAsync(Dataset.Id, item.StudyIndex, cancellationToken) : null;
    }
}
