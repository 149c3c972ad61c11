namespace LabelErrors.Core.Study;

/// <summary>
/// The study's rules (3 of 5 workers make a consensus). Validated label error: fewer than 3 workers chose the given
/// label; AudioSet: some given label got fewer than 3 votes or some guessed label got 3 or more.
/// Consensus: correctable (≥ 3 chose the guessed label), multi-label (≥ 3 chose both), neither (≥ 3 chose neither),
/// non-agreement (no option reached 3).
/// </summary>
public static class ConsensusRule
{
    public const int Agreement = 3;

    public static StudyVerdict Judge(MturkRecord record, VoteForm form) =>
        form == VoteForm.AudioSetMultiLabel ? JudgeMultiLabel(record) : JudgeSingleLabel(record.Votes, form, record);

    private static StudyVerdict JudgeSingleLabel(StudyVotes votes, VoteForm form, MturkRecord record)
    {
        if (votes.Given >= Agreement)
            return new(false, ConsensusKind.NotAnError);
        var consensus =
            votes.Guessed >= Agreement ? ConsensusKind.Correctable
            : votes.Both >= Agreement ? ConsensusKind.MultiLabel
            : OtherOptionVotes(votes, form, record) >= Agreement ? ConsensusKind.Neither
            : ConsensusKind.NonAgreement;
        return new(true, consensus);
    }

    /// <summary>The largest vote of an answer that is neither the given nor the guessed label.</summary>
    private static int OtherOptionVotes(StudyVotes votes, VoteForm form, MturkRecord record) => form switch
    {
        VoteForm.GivenGuessedNeitherBoth => votes.Neither ?? 0,
        VoteForm.ImdbSentiment => Math.Max(votes.Neutral ?? 0, votes.OffTopic ?? 0),
        VoteForm.AmazonSentiment => new[]
            {
                ("Positive", votes.Positive ?? 0), ("Negative", votes.Negative ?? 0), ("Neutral", votes.Neutral ?? 0), ("Off-topic", votes.OffTopic ?? 0),
            }
            .Where(option => !IsLabel(option.Item1, record.GivenLabelName) && !IsLabel(option.Item1, record.GuessedLabelName))
            .Max(option => option.Item2),
        _ => 0,
    };

    private static bool IsLabel(string option, string labelName) => string.Equals(option, labelName, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// AudioSet: correctable when a guessed label is confirmed and a given one is not; multi-label when a guessed label
    /// is confirmed and every given one holds (a label is missing); neither when no given and no guessed label reached 3;
    /// non-agreement when some given labels hold, others do not, and no guessed label is confirmed.
    /// </summary>
    private static StudyVerdict JudgeMultiLabel(MturkRecord record)
    {
        var votes = record.Votes.LabelVotes ?? new Dictionary<string, int>();
        int VotesFor(string label) => votes.TryGetValue(label, out var count) ? count : 0;
        var givenMissing = record.GivenLabelNames.Count(label => VotesFor(label) < Agreement);
        var guessedConfirmed = record.GuessedLabelNames.Any(label => VotesFor(label) >= Agreement);
        if (givenMissing == 0 && !guessedConfirmed)
            return new(false, ConsensusKind.NotAnError);
        var consensus =
            guessedConfirmed ? (givenMissing == 0 ? ConsensusKind.MultiLabel : ConsensusKind.Correctable)
            : givenMissing == record.GivenLabelNames.Count ? ConsensusKind.Neither
            : ConsensusKind.NonAgreement;
        return new(true, consensus);
    }
}
