using LabelErrors.Data.Entities;
using LabelErrors.Web.Browse;

namespace LabelErrors.Web.Review.Visitors;

/// <summary>
/// The question a visitor answers on one study example: the one the Mechanical Turk workers answered for its dataset
/// (see <c>VoteForm</c> in the core). Images and 20news: given, guessed, both or neither (MNIST had no "both"); IMDB:
/// given, guessed, neutral or off-topic; Amazon: positive, negative, neutral or off-topic; AudioSet: which of the listed
/// given and guessed labels are heard (any number of them).
/// </summary>
public sealed record VisitorQuestion
{
    /// <summary>The single answers offered; <c>[HeardLabels]</c> for AudioSet; empty when there is nothing to ask.</summary>
    public required IReadOnlyList<VisitorAnswer> Answers { get; init; }

    public required string GivenName { get; init; }
    public required string GuessedName { get; init; }

    /// <summary>AudioSet: the example's given labels (the ones the workers were asked about).</summary>
    public IReadOnlyList<string> GivenLabels { get; init; } = [];

    /// <summary>AudioSet: the labels confident learning guessed.</summary>
    public IReadOnlyList<string> GuessedLabels { get; init; } = [];

    public bool IsPerLabel => Answers is [VisitorAnswer.HeardLabels];

    /// <summary>Every label a visitor may mark, given ones first (AudioSet).</summary>
    public IReadOnlyList<string> Labels => [.. GivenLabels.Concat(GuessedLabels).Distinct(StringComparer.Ordinal)];

    public bool Offers(VisitorAnswer answer) => Answers.Contains(answer);

    public static VisitorQuestion For(BrowseDataset dataset, Example example) =>
        For(dataset, example.GivenLabel, example.GuessedLabel, example.GivenLabelNames, example.GuessedLabelNames);

    public static VisitorQuestion For(BrowseDataset dataset, int givenLabel, int? guessedLabel, IReadOnlyList<string>? givenLabelNames, IReadOnlyList<string>? guessedLabelNames)
    {
        var question = new VisitorQuestion { Answers = [], GivenName = dataset.ClassName(givenLabel), GuessedName = dataset.ClassName(guessedLabel) };
        return dataset switch
        {
            // Clips the workers did not check have no named labels to ask about.
            { Modality: Modality.Audio } => givenLabelNames is { Count: > 0 }
                ? question with { Answers = [VisitorAnswer.HeardLabels], GivenLabels = givenLabelNames, GuessedLabels = guessedLabelNames ?? [] }
                : question,
            { Slug: "amazon" } => question with { Answers = [VisitorAnswer.Positive, VisitorAnswer.Negative, VisitorAnswer.Neutral, VisitorAnswer.OffTopic] },
            { Slug: "imdb" } => question with { Answers = [VisitorAnswer.Given, VisitorAnswer.Guessed, VisitorAnswer.Neutral, VisitorAnswer.OffTopic] },
            { Slug: "mnist" } => question with { Answers = [VisitorAnswer.Given, VisitorAnswer.Guessed, VisitorAnswer.Neither] },
            _ => question with { Answers = [VisitorAnswer.Given, VisitorAnswer.Guessed, VisitorAnswer.Both, VisitorAnswer.Neither] },
        };
    }

    /// <summary>The answer that means "the given label": Amazon's options are the sentiments themselves.</summary>
    public VisitorAnswer GivenAnswer => IsAmazon && SentimentOption(GivenName) is { } option ? option : VisitorAnswer.Given;

    /// <summary>The answer that means "the guessed label".</summary>
    public VisitorAnswer GuessedAnswer => IsAmazon && SentimentOption(GuessedName) is { } option ? option : VisitorAnswer.Guessed;

    private bool IsAmazon => Offers(VisitorAnswer.Positive);

    /// <summary>
    /// The answers that agree with the workers' consensus (single-answer questions): the given label for "not an
    /// error", the guessed one for "correctable", both for "multi-label", and for "neither" every answer that is
    /// neither label (IMDB's neutral and off-topic; Amazon's options not named by the given or guessed label).
    /// </summary>
    public IReadOnlyList<VisitorAnswer> AgreeingWith(ConsensusCategory consensus) => consensus switch
    {
        ConsensusCategory.NotAnError => [GivenAnswer],
        ConsensusCategory.Correctable => [GuessedAnswer],
        ConsensusCategory.MultiLabel => Offers(VisitorAnswer.Both) ? [VisitorAnswer.Both] : [],
        ConsensusCategory.Neither => [.. Answers.Where(a => a != GivenAnswer && a != GuessedAnswer && a != VisitorAnswer.Both)],
        _ => [],
    };

    public static VisitorAnswer? SentimentOption(string labelName) => labelName.ToLowerInvariant() switch
    {
        "positive" => VisitorAnswer.Positive,
        "negative" => VisitorAnswer.Negative,
        "neutral" => VisitorAnswer.Neutral,
        _ => null,
    };
}
