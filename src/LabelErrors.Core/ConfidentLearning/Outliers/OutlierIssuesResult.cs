namespace LabelErrors.Core.ConfidentLearning.Outliers;

/// <summary>Datalab's outlier issue columns: <c>outlier_score</c>, <c>is_outlier_issue</c>, and <c>info["issue_threshold"]</c>.</summary>
public sealed record OutlierIssuesResult(double[] Scores, bool[] IsOutlier, double IssueThreshold);
