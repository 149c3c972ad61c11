using LabelErrors.Data.Entities;
using LabelErrors.Web.Browse;

namespace LabelErrors.Web.Review.Visitors;

/// <summary>The answers a visitor may give on a dataset (the workers' options) and how each is worded.</summary>
public static class VisitorAnswers
{
    public static IReadOnlyList<VisitorAnswer> For(BrowseDataset dataset) => dataset.HasSentimentVotes
        ? [VisitorAnswer.Given, VisitorAnswer.Guessed, VisitorAnswer.Neutral, VisitorAnswer.OffTopic]
        : [VisitorAnswer.Given, VisitorAnswer.Guessed, VisitorAnswer.Both, VisitorAnswer.Neither];

    public static string Text(VisitorAnswer answer, string given, string guessed) => answer switch
    {
        VisitorAnswer.Given => $"“{given}” (given)",
        VisitorAnswer.Guessed => $"“{guessed}” (guessed)",
        VisitorAnswer.Both => "both",
        VisitorAnswer.Neither => "neither",
        VisitorAnswer.Neutral => "neutral",
        _ => "off-topic",
    };

    public static string Name(VisitorAnswer answer) => answer switch
    {
        VisitorAnswer.OffTopic => "off_topic",
        _ => answer.ToString().ToLowerInvariant(),
    };

    public static VisitorAnswer? TryParse(string? name) =>
        Enum.GetValues<VisitorAnswer>().Where(a => string.Equals(Name(a), name, StringComparison.OrdinalIgnoreCase))
            .Select(a => (VisitorAnswer?)a).FirstOrDefault();

    public static int Count(VisitorTally? tally, VisitorAnswer answer) => tally is null ? 0 : answer switch
    {
        VisitorAnswer.Given => tally.Given,
        VisitorAnswer.Guessed => tally.Guessed,
        VisitorAnswer.Both => tally.Both,
        VisitorAnswer.Neither => tally.Neither,
        VisitorAnswer.Neutral => tally.Neutral,
        _ => tally.OffTopic,
    };

    /// <summary>The Mechanical Turk workers' count for the same answer (null where the study did not offer it).</summary>
    public static int? MturkCount(MturkVotes? votes, VisitorAnswer answer) => votes is null ? null : answer switch
    {
        VisitorAnswer.Given => votes.Given,
        VisitorAnswer.Guessed => votes.Guessed,
        VisitorAnswer.Both => votes.Both,
        VisitorAnswer.Neither => votes.Neither,
        VisitorAnswer.Neutral => votes.Neutral,
        _ => votes.OffTopic,
    };
}
