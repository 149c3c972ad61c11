namespace LabelErrors.Core.Reporting;

/// <summary>One flagged example: its index, given label, the model's predicted label (argmax) and its label quality score.</summary>
public sealed record IssueRow(int Index, int GivenLabel, int SuggestedLabel, double LabelQuality);
