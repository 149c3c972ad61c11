namespace LabelErrors.Core.ConfidentLearning;

/// <summary>Keyword arguments of cleanlab 2.9.0's <c>filter.find_label_issues</c> (same defaults).</summary>
public sealed record FindLabelIssuesOptions
{
    public FilterBy FilterBy { get; init; } = FilterBy.PruneByNoiseRate;

    /// <summary>When set, the result also holds the flagged indices ordered by this score (lowest first).</summary>
    public RankBy? ReturnIndicesRankedBy { get; init; }

    /// <summary>Fraction of the estimated issues to flag per class (prune_by_* and both only), in (0, 1].</summary>
    public double FracNoise { get; init; } = 1.0;

    /// <summary>Number of issues to flag per given class (prune_by_* and both only); length K.</summary>
    public IReadOnlyList<int>? NumToRemovePerClass { get; init; }

    /// <summary>Classes with this many examples or fewer are never flagged by prune_by_*; at least this many are kept.</summary>
    public int MinExamplesPerClass { get; init; } = 1;
}
