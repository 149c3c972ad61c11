using LabelErrors.Data.Entities;

namespace LabelErrors.Web.Review.Visitors;

/// <summary>How each visitor answer is worded, named in the API, and counted (by visitors and by the workers).</summary>
public static class VisitorAnswers
{
    public static string Text(VisitorAnswer answer, VisitorQuestion question) => answer switch
    {
        VisitorAnswer.Given => $"“{question.GivenName}” (given)",
        VisitorAnswer.Guessed => $"“{question.GuessedName}” (guessed)",
        VisitorAnswer.Both => "both",
        VisitorAnswer.Neither => "neither",
        VisitorAnswer.HeardLabels => "the labels heard",
        _ => SentimentText(answer, question),
    };

    // Amazon's options are sentiments; say which of them is the given and the guessed label.
    private static string SentimentText(VisitorAnswer answer, VisitorQuestion question)
    {
        var text = answer == VisitorAnswer.OffTopic ? "off-topic" : answer.ToString().ToLowerInvariant();
        return answer == question.GivenAnswer ? $"{text} (given)" : answer == question.GuessedAnswer ? $"{text} (guessed)" : text;
    }

    public static string Name(VisitorAnswer answer) => answer switch
    {
        VisitorAnswer.OffTopic => "off_topic",
        VisitorAnswer.HeardLabels => "heard_labels",
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
        VisitorAnswer.OffTopic => tally.OffTopic,
        VisitorAnswer.Positive => tally.Positive,
        VisitorAnswer.Negative => tally.Negative,
        _ => tally.Total,
    };

    /// <summary>The Mechanical Turk workers' count for the same answer (null where the study did not offer it).</summary>
    public static int? MturkCount(MturkVotes? votes, VisitorAnswer answer) => votes is null ? null : answer switch
    {
        VisitorAnswer.Given => votes.Given,
        VisitorAnswer.Guessed => votes.Guessed,
        VisitorAnswer.Both => votes.Both,
        VisitorAnswer.Neither => votes.Neither,
        VisitorAnswer.Neutral => votes.Neutral,
        VisitorAnswer.OffTopic => votes.OffTopic,
        VisitorAnswer.Positive => votes.Positive,
        VisitorAnswer.Negative => votes.Negative,
        _ => null,
    };
}
