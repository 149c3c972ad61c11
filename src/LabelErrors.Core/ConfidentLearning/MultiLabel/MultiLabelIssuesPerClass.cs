namespace LabelErrors.Core.ConfidentLearning.MultiLabel;

/// <summary>
/// Result of <see cref="MultiLabelIssues.FindPerClass"/> (<c>find_multilabel_issues_per_class</c>): per class, the
/// examples whose label for that class (present or absent) is likely wrong — ascending, or ranked by the requested
/// score within the class when a ranking was requested.
/// </summary>
public sealed record MultiLabelIssuesPerClass(IReadOnlyList<int[]> IssuesByClass, bool Ranked);
