namespace LabelErrors.Data.Entities;

/// <summary>
/// One decision on one example of an uploaded dataset, appended as it is made and never deleted: an example's
/// current decision is its latest one not undone, and the rows in order are the decision log.
/// </summary>
public sealed class ReviewDecision
{
    public long Id { get; set; }
    public int DatasetId { get; set; }
    public long ExampleId { get; set; }

    /// <summary>The example's index in the upload (denormalized: the log and the export address examples by it).</summary>
    public long StudyIndex { get; set; }

    public ReviewDecisionKind Kind { get; set; }

    /// <summary>The label the example has after this decision (null for Exclude and NeedsReview).</summary>
    public int? Label { get; set; }

    /// <summary>
    /// A multi-label upload's decided label set (class ids, ascending; empty = no label), null for Exclude, NeedsReview
    /// and every decision on a multi-class upload (which uses <see cref="Label"/>).
    /// </summary>
    public int[]? Labels { get; set; }

    public string? Note { get; set; }
    public DateTimeOffset DecidedAt { get; set; }

    /// <summary>Decisions made together by one bulk action share it, so one undo takes them all back.</summary>
    public Guid? BatchId { get; set; }

    /// <summary>When the decision was undone (it then stays in the log but no longer counts).</summary>
    public DateTimeOffset? UndoneAt { get; set; }
}
