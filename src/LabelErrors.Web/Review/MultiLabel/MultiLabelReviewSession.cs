using System.Globalization;
using LabelErrors.Data.Entities;
using LabelErrors.Web.Uploads;
using LabelErrors.Web.Uploads.MultiLabel;

namespace LabelErrors.Web.Review.MultiLabel;

/// <summary>
/// One owner's review of a multi-label upload, as the review page shows it: the queue
/// (<see cref="ReviewQueueSession{TItem, TBulkChange}"/>, the flagged examples in the gallery's order), the current
/// example with its classes (given, suggested, per-class quality) and the set being edited (<see cref="Draft"/>,
/// toggled class by class).
/// </summary>
public sealed class MultiLabelReviewSession : ReviewQueueSession<MultiLabelQueueItem, MultiLabelBulkChange>
{
    private readonly MultiLabelReviewService _decisions;
    private readonly ReviewService _log;
    private readonly MultiLabelGallery _gallery;
    private SortedSet<int> _draft = [];

    internal MultiLabelReviewSession(MultiLabelReviewService decisions, ReviewService log, MultiLabelGallery gallery, UploadLookup upload, int window)
        : base(log, upload, decisions.Queue(upload.Dataset.Id), window)
    {
        if (upload.Dataset.Upload is not { Task: UploadTask.MultiLabel })
            throw new ArgumentException("a multi-label review needs a multi-label upload", nameof(upload));
        (_decisions, _log, _gallery) = (decisions, log, gallery);
    }

    /// <summary>The current example with its stored classes (given, predicted or flagged).</summary>
    public MultiLabelExample? Example { get; private set; }

    /// <summary>The current example's text (text uploads only).</summary>
    public string? Text { get; private set; }

    /// <summary>The set the reviewer is building: the decided set when there is one, else the suggested set.</summary>
    public IReadOnlyCollection<int> Draft => _draft;

    /// <summary>The classes offered as toggles: the example's stored classes, then any other class the draft holds.</summary>
    public IReadOnlyList<int> ToggleClasses => Example is not { } e ? []
        : e.Classes.OrderBy(c => c.Issue is null ? 1 : 0).ThenBy(c => c.Quality).Select(c => c.ClassIndex)
            .Concat(_draft.Where(c => e.Classes.All(k => k.ClassIndex != c))).ToList();

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

    private Task? ToggleNth(int n)
    {
        var classes = ToggleClasses;
        if (n >= classes.Count)
            return null;
        Toggle(classes[n]);
        return Task.CompletedTask;
    }

    private Task RecordAsync(ReviewDecisionKind kind, IReadOnlyList<int>? labels, CancellationToken cancellationToken) =>
        RecordAsync<MultiLabelReviewException>(async item =>
            await _decisions.DecideAsync(Dataset.Id, new MultiLabelDecisionInput(item.StudyIndex, kind, labels, Note), cancellationToken), cancellationToken);

    private protected override Task<IReadOnlyList<MultiLabelBulkChange>> PreviewBulkAcceptAsync(int worst, CancellationToken cancellationToken) =>
        _decisions.PreviewBulkAcceptAsync(Dataset.Id, worst, cancellationToken);

    private protected override Task<IReadOnlyList<MultiLabelBulkChange>> BulkAcceptAsync(int worst, CancellationToken cancellationToken) =>
        _decisions.BulkAcceptAsync(Dataset.Id, worst, cancellationToken: cancellationToken);

    private protected override async Task LoadCurrentAsync(CancellationToken cancellationToken)
    {
        if (Current is not { } item)
            return;
        Example = await _gallery.FindAsync(Dataset.Id, item.StudyIndex, cancellationToken);
        var decided = DecisionOf(item)?.Labels;
        _draft = new SortedSet<int>(decided ?? Example?.Suggested ?? []);
        Text = Content == UploadContentKind.Text ? await _log.TextAsync(Dataset.Id, item.StudyIndex, cancellationToken) : null;
    }
}
