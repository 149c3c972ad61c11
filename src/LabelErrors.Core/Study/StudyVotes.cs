namespace LabelErrors.Core.Study;

/// <summary>
/// The Mechanical Turk votes on one example, in its modality's own form; options a modality does not have are null.
/// <see cref="Given"/> and <see cref="Guessed"/> are always set: Amazon's are the votes of the options named by the
/// given and guessed labels; AudioSet's are the fewest votes any given label got and the most any guessed label got.
/// </summary>
public sealed record StudyVotes
{
    public required int Given { get; init; }
    public required int Guessed { get; init; }
    public int? Neither { get; init; }
    public int? Both { get; init; }
    public int? Neutral { get; init; }
    public int? OffTopic { get; init; }
    public int? Positive { get; init; }
    public int? Negative { get; init; }

    /// <summary>Workers who answered (the sum of the options; AudioSet: the study's 5, the file has no count).</summary>
    public required int Total { get; init; }

    /// <summary>AudioSet: votes per label (class names as in classes.json) over the given and guessed label lists.</summary>
    public IReadOnlyDictionary<string, int>? LabelVotes { get; init; }
}
