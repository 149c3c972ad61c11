using LabelErrors.Data.Entities;
using LabelErrors.Web.Review.MultiLabel;

namespace LabelErrors.Web.Tests.Review.MultiLabel;

public sealed class MultiLabelDecisionRuleTests
{
    private static readonly int[] Given = [0, 2];
    private static readonly int[] Suggested = [2, 3];

    private static ReviewDecision Decision(ReviewDecisionKind kind, params int[]? labels) => new() { Kind = kind, Labels = labels };

    [Theory]
    [InlineData(MultiLabelBaseline.Given, new[] { 0, 2 })]
    [InlineData(MultiLabelBaseline.Suggested, new[] { 2, 3 })]
    public void Without_a_decision_or_with_needs_review_the_baseline_set_stays(MultiLabelBaseline baseline, int[] expected)
    {
        Assert.Equal(expected, MultiLabelDecisionRule.Apply(Given, Suggested, null, baseline));
        Assert.Equal(expected, MultiLabelDecisionRule.Apply(Given, Suggested, Decision(ReviewDecisionKind.NeedsReview, null), baseline));
    }

    [Theory]
    [InlineData(MultiLabelBaseline.Given)]
    [InlineData(MultiLabelBaseline.Suggested)]
    public void A_decided_set_replaces_the_baseline_and_exclude_removes_the_example(MultiLabelBaseline baseline)
    {
        Assert.Equal([0, 2], MultiLabelDecisionRule.Apply(Given, Suggested, Decision(ReviewDecisionKind.Keep, 0, 2), baseline)!);
        Assert.Equal([2, 3], MultiLabelDecisionRule.Apply(Given, Suggested, Decision(ReviewDecisionKind.Accept, 2, 3), baseline)!);
        Assert.Equal([1], MultiLabelDecisionRule.Apply(Given, Suggested, Decision(ReviewDecisionKind.Relabel, 1), baseline)!);
        Assert.Equal([], MultiLabelDecisionRule.Apply(Given, Suggested, Decision(ReviewDecisionKind.Relabel), baseline)!);
        Assert.Null(MultiLabelDecisionRule.Apply(Given, Suggested, Decision(ReviewDecisionKind.Exclude, null), baseline));
    }

    [Fact]
    public void A_chosen_set_is_keep_accept_or_custom_whatever_its_order()
    {
        Assert.Equal(ReviewDecisionKind.Keep, MultiLabelDecisionRule.KindOf([2, 0, 2], Given, Suggested));
        Assert.Equal(ReviewDecisionKind.Accept, MultiLabelDecisionRule.KindOf([3, 2], Given, Suggested));
        Assert.Equal(ReviewDecisionKind.Relabel, MultiLabelDecisionRule.KindOf([0, 2, 3], Given, Suggested));
        Assert.Equal(ReviewDecisionKind.Relabel, MultiLabelDecisionRule.KindOf([], Given, Suggested));
        Assert.Equal([1, 3, 5], MultiLabelDecisionRule.Normalize([5, 1, 3, 1]));
    }
}
