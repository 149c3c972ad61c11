namespace LabelErrors.Data.Entities;

/// <summary>
/// The visitors' votes on one example, counted when a vote is cast (so the gallery can filter on
/// <see cref="IsDisputed"/> with an index instead of aggregating votes per page).
/// </summary>
public sealed class VisitorTally
{
    /// <summary>
    /// The example's dataset: part of the key so that the row lives with its example when the tables are distributed
    /// by dataset (Citus, docs/scale-out.md) and every join to examples stays on one node.
    /// </summary>
    public int DatasetId { get; set; }

    public long ExampleId { get; set; }
    public int Given { get; set; }
    public int Guessed { get; set; }
    public int Both { get; set; }
    public int Neither { get; set; }
    public int Neutral { get; set; }
    public int OffTopic { get; set; }

    /// <summary>Amazon: visitors who chose "positive".</summary>
    public int Positive { get; set; }

    /// <summary>Amazon: visitors who chose "negative".</summary>
    public int Negative { get; set; }

    /// <summary>AudioSet: JSON object of label name → visitors who hear it, over the given and guessed labels.</summary>
    public string? LabelVotesJson { get; set; }

    public int Total { get; set; }

    /// <summary>Visitors disagree with the Mechanical Turk consensus (see <c>DisputeRule</c> in the web project).</summary>
    public bool IsDisputed { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
