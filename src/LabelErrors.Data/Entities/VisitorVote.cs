namespace LabelErrors.Data.Entities;

/// <summary>An anonymous visitor's answer on a study example: one per example per browser (a new vote replaces it).</summary>
public sealed class VisitorVote
{
    public long Id { get; set; }
    public long ExampleId { get; set; }

    /// <summary>Random id the browser keeps (local storage); not linked to any person.</summary>
    public required string BrowserId { get; set; }

    public VisitorAnswer Answer { get; set; }
    public DateTimeOffset VotedAt { get; set; }
}
