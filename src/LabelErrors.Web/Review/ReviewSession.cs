using System.Globalization;
using LabelErrors.Data.Entities;
using LabelErrors.Web.Uploads;

namespace LabelErrors.Web.Review;

/// <summary>
/// One owner's review of an upload whose decisions are one label per example (multi-class and multi-annotator), as
/// the review page shows it: the queue (<see cref="ReviewQueueSession{TItem, TBulkChange}"/>, worst label quality
/// first), the classes ranked for the current example, and its text (and the next one's, fetched ahead).
/// </summary>
public sealed class ReviewSession : ReviewQueueSession<ReviewItem, BulkChange>
{
    private readonly ReviewService _decisions;
    private readonly PredictedClasses _predicted;
    private readonly Dictionary<long, string?> _texts = [];

    internal ReviewSession(ReviewService decisions, PredictedClasses predicted, UploadLookup upload, int window)
        : base(decisions, upload, decisions.Queue(upload.Dataset.Id), window)
    {
        if (upload.Dataset.Upload is null)
            throw new ArgumentException("a review needs an uploaded dataset", nameof(upload));
        (_decisions, _predicted) = (decisions, predicted);
        var options = AnalysisOptions.FromJson(upload.Job?.OptionsJson ?? "{}");
        (FilterBy, RankBy) = (options.FilterBy, options.RankBy);
    }

    /// <summary>The upload's find_label_issues rule and label-quality method (cleanlab's names).</summary>
    public string FilterBy { get; }
    public string RankBy { get; }

    /// <summary>Every class of the current example by predicted probability, most likely first.</summary>
    public IReadOnlyList<(int Label, double Probability)> Ranked { get; private set; } = [];

    /// <summary>The current example's text (text uploads only).</summary>
    public string? Text { get; private set; }

    /// <summary>Multi-annotator uploads: reads the current example's votes and agreement (set by <see cref="ReviewSessions"/>).</summary>
    internal MultiAnnotator.MultiAnnotatorReviewFacts? ConsensusFacts { get; init; }

    /// <summary>Several annotators labelled the upload: the label under review is their consensus, not a given label.</summary>
    public bool IsMultiAnnotator => Dataset.Upload!.Task == UploadTask.MultiAnnotator;

    /// <summary>What the label under review is called on the page: "consensus" (multi-annotator) or "given".</summary>
    public string LabelWord => IsMultiAnnotator ? "consensus" : "given";

    /// <summary>Multi-annotator uploads: the current example's votes, agreement and number of annotations.</summary>
    public MultiAnnotator.ReviewConsensusFacts? Consensus { get; private set; }

    public double? SuggestedProbability => Current?.SuggestedLabel is { } s
        ? Ranked.Where(r => r.Label == s).Select(r => (double?)r.Probability).FirstOrDefault()
        : null;

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
    public Task DecideAsync(ReviewDecisionKind kind, int? label = null, CancellationToken cancellationToken = default) =>
        RecordAsync<ReviewException>(async item => kind == ReviewDecisionKind.Accept && item.SuggestedLabel is null
            ? null
            : await _decisions.DecideAsync(Dataset.Id, new DecisionInput(item.StudyIndex, kind, label, Note), cancellationToken), cancellationToken);

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

    private static string Figure(double? value) => value?.ToString("0.000", CultureInfo.InvariantCulture) ?? "—";

    private protected override Task<IReadOnlyList<BulkChange>> PreviewBulkAcceptAsync(int worst, CancellationToken cancellationToken) =>
        _decisions.PreviewBulkAcceptAsync(Dataset.Id, worst, cancellationToken);

    private protected override Task<IReadOnlyList<BulkChange>> BulkAcceptAsync(int worst, CancellationToken cancellationToken) =>
        _decisions.BulkAcceptAsync(Dataset.Id, worst, cancellationToken: cancellationToken);

    private protected override async Task LoadCurrentAsync(CancellationToken cancellationToken)
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
