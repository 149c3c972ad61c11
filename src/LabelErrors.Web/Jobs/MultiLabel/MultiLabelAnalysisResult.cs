using LabelErrors.Core.ConfidentLearning.MultiLabel;
using LabelErrors.Data.Entities;

namespace LabelErrors.Web.Jobs.MultiLabel;

/// <summary>
/// What the analysis of a multi-label upload computed, ready to be saved: per example its given set, overall label
/// quality (the upload's rank_by method) and normalized margin, the model's most probable class, the ranked issues of
/// find_label_issues; per (example, class) worth showing (<see cref="ExampleClassLabel"/>) its rows in
/// <see cref="ClassRows"/>, in example order.
/// </summary>
public sealed record MultiLabelAnalysisResult(
    MultiLabels Labels,
    int[] PredictedLabels,
    double[] LabelQuality,
    double[] NormalizedMargin,
    int[] RankedIssues,
    IReadOnlyList<MultiLabelClassRow> ClassRows)
{
    public int ExampleCount => Labels.Count;
}

/// <summary>One (example, class) row of <see cref="ExampleClassLabel"/> before the example has its database id.</summary>
public readonly record struct MultiLabelClassRow(int Example, int ClassIndex, bool IsGiven, double Probability, double Quality, MultiLabelIssueKind? Issue);
