namespace LabelErrors.Core.ConfidentLearning.MultiLabel;

/// <summary>
/// Result of <see cref="MultiLabelIssues.Find"/>: <see cref="Mask"/>[i] is true when example i likely has a label
/// issue; <see cref="RankedIndices"/> (only when a ranking was requested) lists them as cleanlab returns them.
/// </summary>
public sealed record MultiLabelIssuesResult(bool[] Mask, int[]? RankedIndices)
{
    public int Count => Mask.Count(flag => flag);
}
