using LabelErrors.Data.Entities;
using LabelErrors.Web.Browse;

namespace LabelErrors.Web.Review.Visitors;

/// <summary>
/// When site visitors dispute the Mechanical Turk consensus. Only examples with a consensus (checked, and 3 of 5
/// workers agreed) can be disputed, and only once at least <see cref="MinVotes"/> visitors answered.
/// <list type="bullet">
/// <item>Single-answer questions: most visitors gave another answer than the one the workers agreed on (a tie is not
/// "most").</item>
/// <item>AudioSet (a yes/no per label): a label counts as heard by visitors when more than half of them marked it;
/// the visitors' verdict is then read with the study's own AudioSet rule (see <see cref="VisitorsVerdict"/>), and the
/// example is disputed when that verdict differs from the workers' consensus.</item>
/// </list>
/// </summary>
public static class DisputeRule
{
    public const int MinVotes = 3;

    public static bool IsDisputed(ConsensusCategory? consensus, VisitorTally tally, VisitorQuestion question)
    {
        if (tally.Total < MinVotes || consensus is null or ConsensusCategory.NonAgreement)
            return false;
        if (question.IsPerLabel)
            return VisitorsVerdict(question, tally.Total, AudioLabelVotes.Parse(tally.LabelVotesJson)) != consensus;
        var agreeingAnswers = question.AgreeingWith(consensus.Value);
        if (agreeingAnswers.Count == 0)
            return false;
        var agreeing = agreeingAnswers.Sum(a => VisitorAnswers.Count(tally, a));
        return 2 * agreeing < tally.Total;
    }

    /// <summary>
    /// The study's AudioSet reading applied to the visitors' majority per label: not an error when every given label is
    /// heard and no guessed one; multi-label when a guessed label is heard and every given one too; correctable when a
    /// guessed label is heard and some given one is not; neither when no listed label is heard; otherwise non-agreement.
    /// </summary>
    public static ConsensusCategory VisitorsVerdict(VisitorQuestion question, int voters, IReadOnlyDictionary<string, int> heardBy)
    {
        bool Heard(string label) => heardBy.TryGetValue(label, out var count) && 2 * count > voters;
        var givenMissing = question.GivenLabels.Count(label => !Heard(label));
        var guessedHeard = question.GuessedLabels.Any(Heard);
        if (givenMissing == 0)
            return guessedHeard ? ConsensusCategory.MultiLabel : ConsensusCategory.NotAnError;
        if (guessedHeard)
            return ConsensusCategory.Correctable;
        return givenMissing == question.GivenLabels.Count ? ConsensusCategory.Neither : ConsensusCategory.NonAgreement;
    }
}
