namespace LabelErrors.Data.Entities;

/// <summary>An anonymous visitor's answer on a study example: one per example per browser (a new vote replaces it).</summary>
public sealed class VisitorVote
{
    public long Id { get; set; }
    public long ExampleId { get; set; }

    /// <summary>Random id the browser keeps (local storage); not linked to any person.</summary>
    public required string BrowserId { get; set; }

    public VisitorAnswer Answer { get; set; }

    /// <summary>AudioSet: the labels the visitor hears, of the example's given and guessed labels; null elsewhere.</summary>
    public List<string>? HeardLabels { get; set; }

    public DateTimeOffset VotedAt { get; set; }
}
