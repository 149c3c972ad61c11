namespace LabelErrors.Core.ConfidentLearning.MultiLabel;

/// <summary>
/// Result of <see cref="MultiLabelIssues.Find"/>: <see cref="Mask"/>[i] is true when example i likely has a label
/// issue; <see cref="RankedIndices"/> (only when a ranking was requested) lists them as cleanlab returns them.
/// </summary>
public sealed record MultiLabelIssuesResult(bool[] Mask, int[]? RankedIndices)
{
    /// <summary>
    /// When ranked: every example's aggregated score of the ranking method (what <see cref="MultiLabelQuality.Scores"/>
    /// returns for it), computed for the ranking anyway.
    /// </summary>
    public double[]? RankScores { get; init; }

    public int Count => Mask.Count(flag => flag);
}
