using System.Globalization;
using LabelErrors.Data.Entities;
using LabelErrors.Web.Uploads;

namespace LabelErrors.Web.Review;

/// <summary>
/// One owner's review of an upload, as the review page shows it: the queue of flagged examples (worst label quality
/// first), the position in it, each example's current decision, the classes ranked for the current example, its text
/// (and the next one's, fetched ahead), undo and the bulk accept. Every change is recorded by
/// <see cref="ReviewService"/> before the call returns; the session only remembers where the reviewer is. Actions
/// run one at a time (keys arrive faster than the database answers), so a second key waits for the first.
/// </summary>
public sealed class ReviewSession : IDisposable
{
    private readonly ReviewService _decisions;
    private readonly PredictedClasses _predicted;
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly Dictionary<long, string?> _texts = [];
    private Dictionary<long, ReviewDecision> _current = [];

    internal ReviewSession(ReviewService decisions, PredictedClasses predicted, UploadLookup upload)
    {
        if (upload.Dataset.Upload is null)
            throw new ArgumentException("a review needs an uploaded dataset", nameof(upload));
        (_decisions, _predicted, Upload) = (decisions, predicted, upload);
        var options = AnalysisOptions.FromJson(upload.Job?.OptionsJson ?? "{}");
        (FilterBy, RankBy) = (options.FilterBy, options.RankBy);
    }

    public UploadLookup Upload { get; }
    public Dataset Dataset => Upload.Dataset;
    public UploadContentKind Content => Dataset.Upload!.Content;

    /// <summary>The upload's find_label_issues rule and label-quality method (cleanlab's names).</summary>
    public string FilterBy { get; }
    public string RankBy { get; }

    public IReadOnlyList<ReviewItem> Queue { get; private set; } = [];
    public IReadOnlyDictionary<long, ReviewDecision> Decisions => _current;
    public int Position { get; private set; }

    /// <summary>Every class of the current example by predicted probability, most likely first.</summary>
    public IReadOnlyList<(int Label, double Probability)> Ranked { get; private set; } = [];

    /// <summary>The current example's text (text uploads only).</summary>
    public string? Text { get; private set; }

    /// <summary>A note the next decision saves.</summary>
    public string? Note { get; set; }

    /// <summary>Why the last decision was refused, until the next one is recorded.</summary>
    public string? Error { get; private set; }

    public int BulkK { get; set; } = 10;
    public IReadOnlyList<BulkChange>? BulkPreview { get; private set; }
    public bool BulkApplied { get; private set; }

    /// <summary>Multi-annotator uploads: reads the current example's votes and agreement (set by <see cref="ReviewSessions"/>).</summary>
    internal MultiAnnotator.MultiAnnotatorReviewFacts? ConsensusFacts { get; init; }

    /// <summary>Several annotators labelled the upload: the label under review is their consensus, not a given label.</summary>
    public bool IsMultiAnnotator => Dataset.Upload!.Task == UploadTask.MultiAnnotator;

    /// <summary>What the label under review is called on the page: "consensus" (multi-annotator) or "given".</summary>
    public string LabelWord => IsMultiAnnotator ? "consensus" : "given";

    /// <summary>Multi-annotator uploads: the current example's votes, agreement and number of annotations.</summary>
    public MultiAnnotator.ReviewConsensusFacts? Consensus { get; private set; }

    public ReviewItem? Current => Position >= 0 && Position < Queue.Count ? Queue[Position] : null;
    public ReviewItem? Next => Position + 1 < Queue.Count ? Queue[Position + 1] : null;
    public int Decided => Queue.Count(i => _current.ContainsKey(i.StudyIndex));
    public bool IsComplete => Queue.Count > 0 && Decided == Queue.Count;
    public double ProgressPercent => Queue.Count == 0 ? 100 : 100.0 * Decided / Queue.Count;

    public double? SuggestedProbability => Current?.SuggestedLabel is { } s
        ? Ranked.Where(r => r.Label == s).Select(r => (double?)r.Probability).FirstOrDefault()
        : null;

    public ReviewDecision? DecisionOf(ReviewItem item) => _current.GetValueOrDefault(item.StudyIndex);

    /// <summary>Loads the queue and the decisions so far, and resumes at the first undecided example (a reload or crash loses nothing).</summary>
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
            "q" => DecideAsync(ReviewDecisionKind.Keep, cancellationToken: cancellationToken),
            "w" => DecideAsync(ReviewDecisionKind.Accept, cancellationToken: cancellationToken),
            "e" => DecideAsync(ReviewDecisionKind.Exclude, cancellationToken: cancellationToken),
            "n" => DecideAsync(ReviewDecisionKind.NeedsReview, cancellationToken: cancellationToken),
            "z" => UndoAsync(cancellationToken),
            "ArrowLeft" => MoveAsync(-1, cancellationToken),
            "ArrowRight" => MoveAsync(1, cancellationToken),
            [var digit] when digit is >= '1' and <= '9' => PickRankAsync(digit - '1', cancellationToken),
            _ => null,
        };
        if (action is null)
            return false;
        await action;
        return true;
    }

    /// <summary>Gives the current example the class at <paramref name="rank"/> (0 = most likely).</summary>
    public Task PickRankAsync(int rank, CancellationToken cancellationToken = default) =>
        rank < Ranked.Count ? PickAsync(Ranked[rank].Label, cancellationToken) : Task.CompletedTask;

    /// <summary>Gives the current example a class. Picking the given class is "keep", the suggested one "accept": the log then says what was meant.</summary>
    public Task PickAsync(int label, CancellationToken cancellationToken = default) => Current is not { } item ? Task.CompletedTask
        : label == item.GivenLabel ? DecideAsync(ReviewDecisionKind.Keep, cancellationToken: cancellationToken)
        : label == item.SuggestedLabel ? DecideAsync(ReviewDecisionKind.Accept, cancellationToken: cancellationToken)
        : DecideAsync(ReviewDecisionKind.Relabel, label, cancellationToken);

    /// <summary>Records a decision on the current example (with the note, if any) and moves to the next undecided one.</summary>
    public Task DecideAsync(ReviewDecisionKind kind, int? label = null, CancellationToken cancellationToken = default) => OneAtATimeAsync(async () =>
    {
        if (Current is not { } item || (kind == ReviewDecisionKind.Accept && item.SuggestedLabel is null))
            return;
        try
        {
            _current[item.StudyIndex] = await _decisions.DecideAsync(Dataset.Id, new DecisionInput(item.StudyIndex, kind, label, Note), cancellationToken);
        }
        catch (ReviewException e)
        {
            Error = e.Message;
            return;
        }
        Note = null;
        Error = null;
        Position = FirstUndecidedFrom(Position + 1) ?? FirstUndecidedFrom(0) ?? Position;
        await LoadCurrentAsync(cancellationToken);
    }, cancellationToken);

    /// <summary>Takes back the latest decision (a whole bulk accept if it was one) and goes to the first example it changed.</summary>
    public Task UndoAsync(CancellationToken cancellationToken = default) => OneAtATimeAsync(async () =>
    {
        var undone = await _decisions.UndoLastAsync(Dataset.Id, cancellationToken);
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
        BulkPreview = await _decisions.PreviewBulkAcceptAsync(Dataset.Id, BulkK, cancellationToken);
    }

    /// <summary>Accepts the suggestion for the <see cref="BulkK"/> worst undecided examples as one batch (one undo takes it back).</summary>
    public Task ApplyBulkAsync(CancellationToken cancellationToken = default) => OneAtATimeAsync(async () =>
    {
        BulkPreview = await _decisions.BulkAcceptAsync(Dataset.Id, BulkK, cancellationToken: cancellationToken);
        BulkApplied = true;
        await ReloadDecisionsAsync(cancellationToken);
        Position = FirstUndecidedFrom(0) ?? Position;
        await LoadCurrentAsync(cancellationToken);
    }, cancellationToken);

    public string ClassName(int? label) =>
        label is null ? "—" : Dataset.Classes.FirstOrDefault(c => c.Index == label)?.Name ?? label.Value.ToString(CultureInfo.InvariantCulture);

    public string DecisionText(ReviewDecision decision) => decision.Kind switch
    {
        ReviewDecisionKind.Keep => IsMultiAnnotator ? $"keep the consensus “{ClassName(decision.Label)}”" : $"keep “{ClassName(decision.Label)}”",
        ReviewDecisionKind.Accept => $"accept “{ClassName(decision.Label)}”",
        ReviewDecisionKind.Relabel => $"relabel to “{ClassName(decision.Label)}”",
        ReviewDecisionKind.Exclude => "exclude",
        _ => "needs review",
    } + (decision.Note is { } note ? $" — {note}" : "");

    /// <summary>The rule that flagged the example and its scores, the label quality named by the method the upload was ranked by.</summary>
    public string WhyFlagged(ReviewItem item)
    {
        if (IsMultiAnnotator)
            return MultiAnnotator.ConsensusWhyFlagged.Describe(item, Consensus, ClassName);
        var why = $"find_label_issues with filter_by={FilterBy} flagged it (issue rank {(item.IssueRank is { } r ? r + 1 : 0)}); "
            + $"label quality by {ScoreMethodText.Describe(RankBy)} {Figure(item.LabelQuality)}";
        // Ranked by the margin, the label quality is the margin: saying it twice would read as two measures.
        return RankBy == ScoreMethodText.NormalizedMargin ? why + "." : why + $", normalized margin {Figure(item.NormalizedMargin)}.";
    }

    public void Dispose() => _oneAtATime.Dispose();

    private static string Figure(double? value) => value?.ToString("0.000", CultureInfo.InvariantCulture) ?? "—";

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
        _current = (await _decisions.CurrentAsync(Dataset.Id, cancellationToken)).ToDictionary();

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
        Ranked = await _predicted.RankedAsync(Dataset, item.StudyIndex, cancellationToken);
        if (IsMultiAnnotator && ConsensusFacts is not null)
            Consensus = await ConsensusFacts.ForAsync(Dataset.Id, item.StudyIndex, cancellationToken);
        if (Content != UploadContentKind.Text)
            return;
        Text = await TextOfAsync(item.StudyIndex, cancellationToken);
        // The next text is fetched now, so the next example shows at once after a decision.
        if (Next is { } next)
            await TextOfAsync(next.StudyIndex, cancellationToken);
    }

    private async Task<string?> TextOfAsync(long studyIndex, CancellationToken cancellationToken)
    {
        if (!_texts.TryGetValue(studyIndex, out var text))
            _texts[studyIndex] = text = await _decisions.TextAsync(Dataset.Id, studyIndex, cancellationToken);
        return text;
    }

    /// <summary>Whether the text of <paramref name="studyIndex"/> is already fetched (the prefetch of the next example).</summary>
    internal bool HasText(long studyIndex) => _texts.ContainsKey(studyIndex);
}
