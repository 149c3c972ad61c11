namespace LabelErrors.Core.Study;

/// <summary>One row of <c>mturk/&lt;slug&gt;_mturk.json</c>: an example the study's workers checked.</summary>
public sealed record MturkRecord
{
    /// <summary>The id as written in the file (an integer index, or IMDB's <c>test/neg/10003_3</c>).</summary>
    public required string RawId { get; init; }

    /// <summary>The test-set index; for IMDB resolved through the study's index file (null until then).</summary>
    public long? StudyIndex { get; init; }

    public required string Url { get; init; }
    public required int GivenLabel { get; init; }
    public required string GivenLabelName { get; init; }
    public required int GuessedLabel { get; init; }
    public required string GuessedLabelName { get; init; }

    /// <summary>AudioSet: all given labels (class names as in classes.json); empty elsewhere.</summary>
    public IReadOnlyList<string> GivenLabelNames { get; init; } = [];

    /// <summary>AudioSet: all guessed labels (class names as in classes.json); empty elsewhere.</summary>
    public IReadOnlyList<string> GuessedLabelNames { get; init; } = [];

    public required StudyVotes Votes { get; init; }
}
