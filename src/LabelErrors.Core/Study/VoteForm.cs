namespace LabelErrors.Core.Study;

/// <summary>The shape of a dataset's Mechanical Turk answers in <c>mturk/&lt;slug&gt;_mturk.json</c>.</summary>
public enum VoteForm
{
    /// <summary>Images and 20news: given, guessed, neither and (except MNIST) both; labels as integers and names.</summary>
    GivenGuessedNeitherBoth,

    /// <summary>IMDB: given, guessed, neutral, off-topic; ids are review file names, labels by name.</summary>
    ImdbSentiment,

    /// <summary>Amazon: positive, negative, neutral, off-topic; given and guessed labels by name.</summary>
    AmazonSentiment,

    /// <summary>AudioSet: lists of given and guessed labels and the votes each label got.</summary>
    AudioSetMultiLabel,
}
