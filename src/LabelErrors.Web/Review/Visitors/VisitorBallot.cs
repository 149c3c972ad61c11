using LabelErrors.Data.Entities;

namespace LabelErrors.Web.Review.Visitors;

/// <summary>One visitor's answer: a single option, or (AudioSet) the labels they hear, possibly none.</summary>
public sealed record VisitorBallot(VisitorAnswer Answer, IReadOnlyList<string>? HeardLabels = null)
{
    public static VisitorBallot Labels(IEnumerable<string> heard) => new(VisitorAnswer.HeardLabels, [.. heard.Distinct(StringComparer.Ordinal)]);

    /// <summary>Why the ballot does not answer the question, or null when it does.</summary>
    public string? ProblemWith(VisitorQuestion question, string datasetName)
    {
        if (question.Answers.Count == 0)
            return "there is no question to answer on this example (the workers did not check it)";
        if (!question.Offers(Answer))
            return $"'{VisitorAnswers.Name(Answer)}' is not an answer for {datasetName}; answers: {string.Join(", ", question.Answers.Select(VisitorAnswers.Name))}";
        if (!question.IsPerLabel)
            return HeardLabels is { Count: > 0 } ? "labels are only answered on AudioSet" : null;
        if (HeardLabels is null)
            return "labels (the list of labels heard, possibly empty) is required";
        var unknown = HeardLabels.Where(l => !question.Labels.Contains(l)).ToList();
        return unknown.Count > 0 ? $"not a label of this example: {string.Join(", ", unknown)}" : null;
    }
}
