namespace LabelErrors.Data.Entities;

/// <summary>An answer a visitor can give to the question the Mechanical Turk workers answered.</summary>
public enum VisitorAnswer
{
    Given,
    Guessed,
    Both,
    Neither,

    /// <summary>Sentiment sets (IMDB, Amazon): the review is neutral.</summary>
    Neutral,

    /// <summary>Sentiment sets (IMDB, Amazon): the text is not a review of the item.</summary>
    OffTopic,

    /// <summary>Amazon: workers chose the sentiment itself (positive, negative, neutral, off-topic), not given/guessed.</summary>
    Positive,

    /// <summary>Amazon: the review is negative.</summary>
    Negative,

    /// <summary>
    /// AudioSet (multi-label): the visitor marked which of the listed labels they hear, as the workers did; the labels
    /// are in <see cref="VisitorVote.HeardLabels"/> (possibly none).
    /// </summary>
    HeardLabels,
}
