using LabelErrors.Web.Review;
using LabelErrors.Web.Review.MultiAnnotator;
using LabelErrors.Web.Uploads.Annotators;

namespace LabelErrors.Web.Tests.Review.MultiAnnotator;

public sealed class ConsensusWhyFlaggedTests
{
    private static readonly string[] Classes = ["cat", "dog", "fox"];

    private static string Name(int? label) => label is { } l ? Classes[l] : "—";

    [Fact]
    public void Disagreeing_annotators_and_a_disagreeing_model_are_both_named()
    {
        var item = new ReviewItem(1, 7, GivenLabel: 0, SuggestedLabel: 1, LabelQuality: 0.25, NormalizedMargin: null, IssueRank: 0);
        var facts = new ReviewConsensusFacts([new(0, "a0", 0, 0.9), new(1, "a1", 1, 0.2), new(2, "a2", 0, 0.8)], 2 / 3.0, 3);

        Assert.Equal("2 of 3 annotators chose the consensus “cat” (agreement 0.667); the model prefers “dog”. Consensus quality (CROWDLAB) 0.250: the queue starts at the lowest.",
            ConsensusWhyFlagged.Describe(item, facts, Name));
    }

    [Fact]
    public void Unanimous_annotators_leave_only_the_model_as_the_reason()
    {
        var item = new ReviewItem(1, 7, GivenLabel: 2, SuggestedLabel: 0, LabelQuality: 0.5, NormalizedMargin: null, IssueRank: 3);
        var facts = new ReviewConsensusFacts([new(0, "a0", 2, 0.9)], 1.0, 1);

        Assert.StartsWith("The model prefers “cat”.", ConsensusWhyFlagged.Describe(item, facts, Name));
        Assert.Equal(1, facts.Agreeing(2));
        var lone = new ReviewConsensusFacts([new(0, "a0", 1, 0.4)], 0.0, 1);
        Assert.StartsWith("0 of 1 annotator chose the consensus “fox”", ConsensusWhyFlagged.Describe(item, lone, Name));
    }
}
