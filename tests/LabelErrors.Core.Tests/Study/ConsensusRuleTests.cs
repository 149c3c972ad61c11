using LabelErrors.Core.Study;

namespace LabelErrors.Core.Tests.Study;

public sealed class ConsensusRuleTests
{
    [Theory]
    [InlineData(3, 0, 0, 2, false, ConsensusKind.NotAnError)]
    [InlineData(2, 3, 0, 0, true, ConsensusKind.Correctable)]
    [InlineData(1, 1, 0, 3, true, ConsensusKind.MultiLabel)]
    [InlineData(1, 1, 3, 0, true, ConsensusKind.Neither)]
    [InlineData(2, 2, 1, 0, true, ConsensusKind.NonAgreement)]
    [InlineData(5, 5, 0, 0, false, ConsensusKind.NotAnError)] // MNIST's 10-vote rows: the given label holds
    public void Images_and_20news(int given, int guessed, int neither, int both, bool validated, ConsensusKind consensus)
    {
        var record = Record(new StudyVotes { Given = given, Guessed = guessed, Neither = neither, Both = both, Total = given + guessed + neither + both });
        Assert.Equal(new StudyVerdict(validated, consensus), ConsensusRule.Judge(record, VoteForm.GivenGuessedNeitherBoth));
    }

    [Theory]
    [InlineData(0, 2, 3, 0, ConsensusKind.Neither)]
    [InlineData(0, 2, 0, 3, ConsensusKind.Neither)]
    [InlineData(2, 1, 2, 0, ConsensusKind.NonAgreement)]
    [InlineData(0, 3, 2, 0, ConsensusKind.Correctable)]
    public void Imdb_neutral_or_off_topic_is_neither(int given, int guessed, int neutral, int offTopic, ConsensusKind consensus)
    {
        var record = Record(new StudyVotes { Given = given, Guessed = guessed, Neutral = neutral, OffTopic = offTopic, Total = 5 });
        Assert.Equal(new StudyVerdict(true, consensus), ConsensusRule.Judge(record, VoteForm.ImdbSentiment));
    }

    [Fact]
    public void Amazon_an_option_other_than_given_and_guessed_is_neither()
    {
        var votes = new StudyVotes { Positive = 4, Negative = 1, Neutral = 0, OffTopic = 0, Given = 1, Guessed = 0, Total = 5 };
        var record = Record(votes) with { GivenLabelName = "Negative", GuessedLabelName = "Neutral" };
        Assert.Equal(new StudyVerdict(true, ConsensusKind.Neither), ConsensusRule.Judge(record, VoteForm.AmazonSentiment));

        // Guessed "Positive" with the same votes: correctable.
        var guessedPositive = record with { GuessedLabelName = "Positive", Votes = votes with { Guessed = 4 } };
        Assert.Equal(new StudyVerdict(true, ConsensusKind.Correctable), ConsensusRule.Judge(guessedPositive, VoteForm.AmazonSentiment));
    }

    [Theory]
    [InlineData(new[] { 3, 4 }, new[] { 2 }, false, ConsensusKind.NotAnError)]
    [InlineData(new[] { 3, 4 }, new[] { 3 }, true, ConsensusKind.MultiLabel)]
    [InlineData(new[] { 0, 4 }, new[] { 3 }, true, ConsensusKind.Correctable)]
    [InlineData(new[] { 2, 1 }, new[] { 0 }, true, ConsensusKind.Neither)]
    [InlineData(new[] { 2, 4 }, new[] { 1 }, true, ConsensusKind.NonAgreement)]
    public void AudioSet_multi_label(int[] givenVotes, int[] guessedVotes, bool validated, ConsensusKind consensus)
    {
        var given = givenVotes.Select((_, i) => $"given{i}").ToList();
        var guessed = guessedVotes.Select((_, i) => $"guessed{i}").ToList();
        var labelVotes = given.Zip(givenVotes).Concat(guessed.Zip(guessedVotes)).ToDictionary(p => p.First, p => p.Second);
        var record = Record(new StudyVotes { Given = givenVotes.Min(), Guessed = guessedVotes.Max(), Total = 5, LabelVotes = labelVotes })
            with { GivenLabelNames = given, GuessedLabelNames = guessed };

        Assert.Equal(new StudyVerdict(validated, consensus), ConsensusRule.Judge(record, VoteForm.AudioSetMultiLabel));
    }

    private static MturkRecord Record(StudyVotes votes) => new()
    {
        RawId = "1", StudyIndex = 1, Url = "u", GivenLabel = 0, GivenLabelName = "a", GuessedLabel = 1, GuessedLabelName = "b", Votes = votes,
    };
}
