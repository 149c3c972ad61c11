using LabelErrors.Data.Entities;
using LabelErrors.Web.Review.Visitors;

namespace LabelErrors.Web.Tests.Review;

public sealed class DisputeRuleTests
{
    private static VisitorTally Tally(int given = 0, int guessed = 0, int both = 0, int neither = 0, int neutral = 0, int offTopic = 0) => new()
    {
        Given = given, Guessed = guessed, Both = both, Neither = neither, Neutral = neutral, OffTopic = offTopic,
        Total = given + guessed + both + neither + neutral + offTopic,
    };

    [Theory]
    [InlineData(ConsensusCategory.Correctable, 2, 1, 0, 0, true)]   // most chose the given label against "correctable"
    [InlineData(ConsensusCategory.Correctable, 1, 2, 0, 0, false)]  // most agree
    [InlineData(ConsensusCategory.NotAnError, 0, 2, 2, 0, true)]
    [InlineData(ConsensusCategory.NotAnError, 2, 2, 0, 0, false)]   // a tie is not "most disagree"
    [InlineData(ConsensusCategory.MultiLabel, 1, 1, 1, 0, true)]
    [InlineData(ConsensusCategory.Neither, 0, 1, 0, 2, false)]
    [InlineData(ConsensusCategory.Correctable, 2, 0, 0, 0, false)]  // too few visitors
    [InlineData(ConsensusCategory.NonAgreement, 3, 0, 0, 0, false)] // no consensus to dispute
    public void Disputed_when_enough_visitors_answered_and_most_disagree(ConsensusCategory consensus, int given, int guessed, int both, int neither, bool disputed) =>
        Assert.Equal(disputed, DisputeRule.IsDisputed(consensus, Tally(given, guessed, both, neither)));

    [Fact]
    public void Neutral_and_off_topic_count_as_neither_on_the_sentiment_sets()
    {
        Assert.False(DisputeRule.IsDisputed(ConsensusCategory.Neither, Tally(given: 1, neutral: 1, offTopic: 1)));
        Assert.False(DisputeRule.IsDisputed(null, Tally(given: 5)));
    }
}
