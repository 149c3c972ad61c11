using LabelErrors.Data.Entities;

namespace LabelErrors.Web.Review.MultiLabel;

/// <summary>A decision on a multi-label example: <see cref="Labels"/> only for Relabel (a custom set; the others derive theirs).</summary>
public sealed record MultiLabelDecisionInput(long StudyIndex, ReviewDecisionKind Kind, IReadOnlyList<int>? Labels = null, string? Note = null);

/// <summary>An entry of the multi-label review queue (the flagged examples in the gallery's issue-rank order).</summary>
public sealed record MultiLabelQueueItem(long StudyIndex, int IssueRank, double? LabelQuality) : IQueuedExample;

/// <summary>What a bulk "accept the suggested set" would change for one example (the preview) or changed (the result).</summary>
public sealed record MultiLabelBulkChange(long StudyIndex, IReadOnlyList<int> Given, IReadOnlyList<int> Suggested, double? LabelQuality);

/// <summary>A multi-label decision refused because of one request field (e.g. a class id out of range in <c>labels</c>).</summary>
public sealed class MultiLabelReviewException(string message, string field) : Exception(message)
{
    public string Field { get; } = field;
}
