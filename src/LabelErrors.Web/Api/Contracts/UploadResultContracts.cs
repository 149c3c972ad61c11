namespace LabelErrors.Web.Api.Contracts;

/// <summary>
/// An upload's results at a glance: the job's state and, once it succeeded, the health figures: label health score,
/// label issues, outliers (Datalab's rule from pred_probs) and class imbalance. Figures are null until the analysis
/// has produced them (outliers and imbalance are also null for uploads analysed before they existed).
/// </summary>
public sealed record ApiUploadSummary(
    string Token,
    string Name,
    string State,
    long Examples,
    int ClassCount,
    double? HealthScore,
    int? Issues,
    int? Outliers,
    double? OutlierThreshold,
    ApiClassImbalance? ClassImbalance,
    ApiUploadLinks Links);

/// <summary>
/// Datalab's class_imbalance issue: the rarest class (smallest index on ties), how many examples and what share of them
/// it holds, and the share below which that is an issue (0.1 / the number of distinct labels).
/// </summary>
public sealed record ApiClassImbalance(int RarestClass, string RarestClassName, long RarestClassCount, double RarestClassShare, double ShareThreshold, bool Imbalanced);

public sealed record ApiUploadLinks(string Self, string Job, string Examples, string Outliers, string Page);

/// <summary>One example of an upload as its gallery lists it.</summary>
public sealed record ApiUploadExample(
    long Index,
    int GivenLabel,
    int? SuggestedLabel,
    double? LabelQuality,
    int? IssueRank,
    double? OutlierScore,
    bool IsOutlier,
    string Page);

/// <summary>A keyset page of an upload's examples; follow <see cref="Next"/> (null on the last page).</summary>
public sealed record ApiUploadExamplePage(IReadOnlyList<ApiUploadExample> Items, int TotalCount, string? NextCursor, string? Next);
