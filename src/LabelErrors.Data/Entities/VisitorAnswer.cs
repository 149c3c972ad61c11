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
}
