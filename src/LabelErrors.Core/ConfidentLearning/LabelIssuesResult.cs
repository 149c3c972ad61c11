namespace LabelErrors.Core.ConfidentLearning;

/// <summary>
/// Result of <see cref="LabelIssues.Find"/>: <see cref="Mask"/>[i] is true for a likely label issue;
/// <see cref="RankedIndices"/> (only when a ranking was requested) lists the flagged indices, most likely issue first.
/// </summary>
public sealed record LabelIssuesResult(bool[] Mask, int[]? RankedIndices)
{
    public int Count
    {
        get
        {
            int count = 0;
            foreach (bool flag in Mask) count += flag ? 1 : 0;
            return count;
        }
    }
}
