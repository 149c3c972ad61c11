using LabelErrors.Data.Entities;

namespace LabelErrors.Web.Review.Visitors;

/// <summary>
/// When site visitors dispute the Mechanical Turk consensus: at least <see cref="MinVotes"/> visitors answered and
/// most of them gave another answer than the one the workers agreed on. Examples without a consensus (not checked,
/// or no answer reached 3 of 5 workers) cannot be disputed.
/// </summary>
public static class DisputeRule
{
    public const int MinVotes = 3;

    public static bool IsDisputed(ConsensusCategory? consensus, VisitorTally tally)
    {
        if (tally.Total < MinVotes)
            return false;
        int? agreeing = consensus switch
        {
            ConsensusCategory.NotAnError => tally.Given,
            ConsensusCategory.Correctable => tally.Guessed,
            ConsensusCategory.MultiLabel => tally.Both,
            // The sentiment sets' "neither" answers are neutral and off-topic.
            ConsensusCategory.Neither => tally.Neither + tally.Neutral + tally.OffTopic,
            _ => null,
        };
        return agreeing is { } a && 2 * a < tally.Total;
    }
}
