using LabelErrors.Data.Entities;
using LabelErrors.Web.Api.Naming;
using LabelErrors.Web.Browse;

namespace LabelErrors.Web.Api.Contracts;

/// <summary>An example in a list (the same fields as a gallery card).</summary>
public sealed record ApiExampleSummary(
    long Index,
    int GivenLabel,
    int? GuessedLabel,
    double? LabelQuality,
    bool IsValidatedError,
    string? Consensus,
    string? ExternalId,
    ApiVoteCounts? Votes,
    bool Disputed,
    string Self);

/// <summary>Mechanical Turk votes; options that do not apply to the dataset's modality are null.</summary>
public sealed record ApiVoteCounts(int Given, int Guessed, int? Both, int? Neither, int? Neutral, int? OffTopic, int Total);

/// <summary>A keyset page: pass <see cref="NextCursor"/> as <c>cursor</c> (or follow <see cref="Next"/>) for the next one.</summary>
public sealed record ApiExamplePage(IReadOnlyList<ApiExampleSummary> Items, int TotalCount, string? NextCursor, string? Next);

/// <summary>One example with its votes and the cross-validated model's top predictions.</summary>
public sealed record ApiExampleDetail(
    string Dataset,
    long Index,
    int GivenLabel,
    string GivenClass,
    int? GuessedLabel,
    string? GuessedClass,
    int? PredictedLabel,
    string? PredictedClass,
    double? LabelQuality,
    double? NormalizedMargin,
    bool IsClFlagged,
    bool IsMturkChecked,
    bool IsValidatedError,
    string? Consensus,
    string? ExternalId,
    int? ClipStartSeconds,
    int? ClipEndSeconds,
    IReadOnlyList<string>? GivenLabelNames,
    IReadOnlyList<string>? GuessedLabelNames,
    ApiExampleVotes? Votes,
    bool Disputed,
    ApiVisitorVotes? VisitorVotes,
    IReadOnlyList<ApiTopPrediction> TopPredictions,
    string? Text,
    string Page);

public sealed record ApiExampleVotes(
    int Given,
    int Guessed,
    int? Both,
    int? Neither,
    int? Neutral,
    int? OffTopic,
    int? Positive,
    int? Negative,
    int Total,
    IReadOnlyDictionary<string, int>? LabelVotes,
    string? SourceUrl);

/// <summary>
/// The site's visitors' answers to the example's question (the study's question, asked again on the permalink); null
/// until a visitor answers. Counts of answers the question does not offer are 0; <see cref="LabelVotes"/> (AudioSet)
/// counts the visitors who hear each listed label.
/// </summary>
public sealed record ApiVisitorVotes(
    int Given,
    int Guessed,
    int Both,
    int Neither,
    int Neutral,
    int OffTopic,
    int Positive,
    int Negative,
    int Total,
    [property: LegacyJsonName("labels")] IReadOnlyDictionary<string, int>? LabelVotes)
{
    public static ApiVisitorVotes From(VisitorTally t) => new(
        t.Given, t.Guessed, t.Both, t.Neither, t.Neutral, t.OffTopic, t.Positive, t.Negative, t.Total,
        t.LabelVotesJson is null ? null : AudioLabelVotes.Parse(t.LabelVotesJson));
}

public sealed record ApiTopPrediction(int Label, string ClassName, double Probability);
