namespace LabelErrors.Web.Api.Contracts;

/// <summary>
/// An example of a multi-label upload: its given and suggested label sets (class ids; suggested = given with every
/// flagged class toggled), the flagged classes with their kind, and each stored class's probability and quality.
/// </summary>
public sealed record ApiMultiLabelExample(
    long Index,
    IReadOnlyList<int> GivenLabels,
    IReadOnlyList<int> SuggestedLabels,
    double? LabelQuality,
    int? IssueRank,
    IReadOnlyList<ApiClassLabel> Classes,
    string Page);

/// <summary>
/// One class of an example (given, predicted with p &gt; 0.5, or flagged): <see cref="Issue"/> is <c>label-missing</c>
/// (not given, likely should be), <c>label-wrong</c> (given, likely should not be) or null; <see cref="Quality"/> is
/// the per-class label quality (cleanlab's get_label_quality_scores_per_class with the upload's rank_by).
/// </summary>
public sealed record ApiClassLabel(int ClassIndex, string ClassName, bool Given, bool Suggested, double Probability, double Quality, string? Issue);

/// <summary>A page of a multi-label upload's examples (<see cref="PageSize"/> per page, 1-based <see cref="Page"/>).</summary>
public sealed record ApiMultiLabelExamplePage(IReadOnlyList<ApiMultiLabelExample> Items, int TotalCount, int Page, int PageSize, string? Next);
