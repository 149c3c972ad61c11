namespace LabelErrors.Core.ConfidentLearning.Streaming;

/// <summary>
/// Result of <see cref="StreamingLabelIssues.Find"/>: the flagged examples, most likely issue first when a ranking was
/// requested (else in ascending index order). Holds O(flagged) memory; <see cref="ToMask"/> builds the N-long mask.
/// </summary>
public sealed record StreamingLabelIssuesResult(int N, IReadOnlyList<StreamedIssue> Issues, bool Ranked)
{
    public int Count => Issues.Count;

    /// <summary>The flagged indices in ranked order (null when no ranking was requested), as <see cref="LabelIssuesResult.RankedIndices"/>.</summary>
    public int[]? RankedIndices => Ranked ? Issues.Select(issue => issue.Index).ToArray() : null;

    /// <summary>The boolean mask of <c>find_label_issues</c>.</summary>
    public bool[] ToMask()
    {
        var mask = new bool[N];
        foreach (var issue in Issues) mask[issue.Index] = true;
        return mask;
    }
}
