namespace LabelErrors.Data.Entities;

/// <summary>
/// The Mechanical Turk votes on one example. The options differ by modality, so only the columns of the
/// example's modality are set: images and 20news (given, guessed, neither, both); IMDB and Amazon (given, guessed,
/// neutral, off-topic); AudioSet (votes per label, in <see cref="LabelVotesJson"/>).
/// </summary>
public sealed class MturkVotes
{
    public long ExampleId { get; set; }
    public int Given { get; set; }
    public int Guessed { get; set; }
    public int? Neither { get; set; }
    public int? Both { get; set; }
    public int? Neutral { get; set; }
    public int? OffTopic { get; set; }

    /// <summary>Number of workers who answered (usually 5; some MNIST rows have 9 or 10).</summary>
    public int Total { get; set; }

    /// <summary>AudioSet: JSON object of label name → votes, over the given and guessed label lists.</summary>
    public string? LabelVotesJson { get; set; }

    /// <summary>The URL of the example's content on labelerrors.com, as the study's file gives it.</summary>
    public string? SourceUrl { get; set; }
}
