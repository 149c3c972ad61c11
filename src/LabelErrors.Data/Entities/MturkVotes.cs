namespace LabelErrors.Data.Entities;

/// <summary>
/// The Mechanical Turk votes on one example. The options differ by modality, so only the columns of the
/// example's modality are set: images and 20news (given, guessed, neither, both); IMDB and Amazon (given, guessed,
/// neutral, off-topic); Amazon (positive, negative, neutral, off-topic; <see cref="Given"/> and <see cref="Guessed"/>
/// hold the votes of the options named by the given and guessed labels); AudioSet (votes per label, in
/// <see cref="LabelVotesJson"/>; <see cref="Given"/> is the smallest vote count of a given label and
/// <see cref="Guessed"/> the largest of a guessed label, so the "at least k" filters mean the same thing everywhere).
/// </summary>
public sealed class MturkVotes
{
    /// <summary>
    /// The example's dataset: part of the key so that the row lives with its example when the tables are distributed
    /// by dataset (Citus, docs/scale-out.md) and every join to examples stays on one node.
    /// </summary>
    public int DatasetId { get; set; }

    public long ExampleId { get; set; }
    public int Given { get; set; }
    public int Guessed { get; set; }
    public int? Neither { get; set; }
    public int? Both { get; set; }
    public int? Neutral { get; set; }
    public int? OffTopic { get; set; }

    /// <summary>Amazon: votes for "positive".</summary>
    public int? Positive { get; set; }

    /// <summary>Amazon: votes for "negative".</summary>
    public int? Negative { get; set; }

    /// <summary>
    /// Number of workers who answered (usually 5; some MNIST rows have 9 or 10). AudioSet's file records votes per
    /// label only, not the number of workers: there it is the study's 5.
    /// </summary>
    public int Total { get; set; }

    /// <summary>AudioSet: JSON object of label name → votes, over the given and guessed label lists.</summary>
    public string? LabelVotesJson { get; set; }

    /// <summary>The URL of the example's content on labelerrors.com, as the study's file gives it.</summary>
    public string? SourceUrl { get; set; }
}
