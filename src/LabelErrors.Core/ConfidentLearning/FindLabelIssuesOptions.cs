namespace LabelErrors.Core.ConfidentLearning;

/// <summary>Options of <see cref="LabelIssues.Find"/> (cleanlab's <c>find_label_issues</c> keyword arguments).</summary>
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

    /// <summary>
    /// Every option rule, in one place: the core, the CLI and uploads all ask this method (each surface words the
    /// refusal in its own terms, e.g. <c>--frac-noise</c> or <c>frac_noise '2'</c>). <paramref name="classCount"/>
    /// checks <see cref="NumToRemovePerClass"/>'s length when known.
    /// </summary>
    public IEnumerable<FindLabelIssuesOptionProblem> Problems(int? classCount = null)
    {
        if (!Enum.IsDefined(FilterBy))
            yield return new(FindLabelIssuesOption.FilterBy, $"Unknown filter_by {FilterBy}.");
        if (ReturnIndicesRankedBy is { } rankBy && !Enum.IsDefined(rankBy))
            yield return new(FindLabelIssuesOption.RankBy, $"Unknown return_indices_ranked_by {rankBy}.");
        if (!(FracNoise > 0 && FracNoise <= 1))
            yield return new(FindLabelIssuesOption.FracNoise, "frac_noise must be in (0, 1].");
        if (MinExamplesPerClass < 0)
            yield return new(FindLabelIssuesOption.MinExamplesPerClass, "min_examples_per_class must not be negative.");
        if (NumToRemovePerClass is { } ntr)
        {
            if (FilterBy is not (FilterBy.PruneByNoiseRate or FilterBy.PruneByClass or FilterBy.Both))
            {
                yield return new(FindLabelIssuesOption.NumToRemovePerClass,
                    "filter_by 'confident_learning', 'predicted_neq_given', 'low_normalized_margin' or 'low_self_confidence' is not supported when setting num_to_remove_per_class.");
            }
            if (classCount is { } k && ntr.Count != k)
                yield return new(FindLabelIssuesOption.NumToRemovePerClass, $"num_to_remove_per_class must have {k} entries.");
            if (ntr.Any(v => v < 0))
                yield return new(FindLabelIssuesOption.NumToRemovePerClass, "num_to_remove_per_class entries must not be negative.");
        }
    }

    /// <summary>True when <paramref name="option"/> breaks a rule of <see cref="Problems"/>.</summary>
    public bool Breaks(FindLabelIssuesOption option) => Problems().Any(p => p.Option == option);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first broken rule (the algorithms' check).</summary>
    public void Validate(int classCount)
    {
        var problem = Problems(classCount).FirstOrDefault();
        if (problem is null)
            return;
        if (problem.Option is FindLabelIssuesOption.FracNoise or FindLabelIssuesOption.MinExamplesPerClass or FindLabelIssuesOption.FilterBy
            or FindLabelIssuesOption.RankBy)
            throw new ArgumentOutOfRangeException("options", problem.Message);
        throw new ArgumentException(problem.Message, "options");
    }
}
