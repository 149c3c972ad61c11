namespace LabelErrors.Data.Entities;

/// <summary>An anonymous visitor's answer on a study example: one per example per browser (a new vote replaces it).</summary>
public sealed class VisitorVote
{
    /// <summary>
    /// The example's dataset: part of the key so that the row lives with its example when the tables are distributed
    /// by dataset (Citus, docs/scale-out.md) and every join to examples stays on one node.
    /// </summary>
    public int DatasetId { get; set; }

    public long Id { get; set; }
    public long ExampleId { get; set; }

    /// <summary>Random id the browser keeps (local storage); not linked to any person.</summary>
    public required string BrowserId { get; set; }

    public VisitorAnswer Answer { get; set; }

    /// <summary>AudioSet: the labels the visitor hears, of the example's given and guessed labels; null elsewhere.</summary>
    public List<string>? HeardLabels { get; set; }

    public DateTimeOffset VotedAt { get; set; }
}
