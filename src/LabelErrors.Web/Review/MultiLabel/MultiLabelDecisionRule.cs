using LabelErrors.Data.Entities;

namespace LabelErrors.Web.Review.MultiLabel;

/// <summary>What an export starts from for an example without a decision in force (or with "needs review").</summary>
public enum MultiLabelBaseline
{
    /// <summary>The given set: the review's cleaned labels (only decisions change labels), as for multi-class uploads.</summary>
    Given,

    /// <summary>The suggested set: labels-fixed.json / .csv (every flagged class toggled unless a decision says otherwise).</summary>
    Suggested,
}

/// <summary>One example's label set after the review: its decision's set (keep, accept, custom), excluded (null), or the baseline.</summary>
public static class MultiLabelDecisionRule
{
    public static int[]? Apply(IReadOnlyCollection<int> given, IReadOnlyCollection<int> suggested, ReviewDecision? decision, MultiLabelBaseline baseline)
    {
        var fallback = (baseline == MultiLabelBaseline.Given ? given : suggested).Order().ToArray();
        return decision?.Kind switch
        {
            ReviewDecisionKind.Exclude => null,
            ReviewDecisionKind.Keep or ReviewDecisionKind.Accept or ReviewDecisionKind.Relabel => decision.Labels ?? fallback,
            _ => fallback,
        };
    }

    /// <summary>A reviewer's set as stored: distinct class ids, ascending.</summary>
    public static int[] Normalize(IEnumerable<int> labels) => labels.Distinct().Order().ToArray();

    /// <summary>
    /// The kind a chosen set means: the given set is "keep", the suggested one "accept", anything else a custom set
    /// ("relabel"), so the log says what was meant however the set was reached.
    /// </summary>
    public static ReviewDecisionKind KindOf(IReadOnlyCollection<int> chosen, IEnumerable<int> given, IEnumerable<int> suggested)
    {
        var set = Normalize(chosen);
        return set.SequenceEqual(Normalize(given)) ? ReviewDecisionKind.Keep
            : set.SequenceEqual(Normalize(suggested)) ? ReviewDecisionKind.Accept
            : ReviewDecisionKind.Relabel;
    }
}
