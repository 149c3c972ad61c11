namespace LabelErrors.Core.ConfidentLearning;

/// <summary>One broken option rule: which option, and the core's wording of the rule.</summary>
public sealed record FindLabelIssuesOptionProblem(FindLabelIssuesOption Option, string Message);
