using LabelErrors.Core.ConfidentLearning.Outliers;

namespace LabelErrors.Core.Tests.ConfidentLearning.Outliers;

public sealed class ClassImbalanceTests
{
    [Fact]
    public void The_rarest_class_is_flagged_below_a_tenth_of_the_uniform_share()
    {
        // 3 classes: class 7 has 1 of 40 examples = 0.025 < 0.1 / 3
        var labels = Enumerable.Repeat(0, 20).Concat(Enumerable.Repeat(3, 19)).Append(7).ToArray();

        var result = ClassImbalance.Find(labels);

        Assert.True(result.Imbalanced);
        Assert.Equal(7, result.RarestClass);
        Assert.Equal([39], Enumerable.Range(0, labels.Length).Where(i => result.IsIssue[i]));
        Assert.Equal(0.025, result.Scores[39]);
        Assert.Equal(1.0, result.Scores[0]);
    }

    [Fact]
    public void Ties_go_to_the_smaller_class_and_balanced_data_has_no_issue()
    {
        var result = ClassImbalance.Find([2, 1, 2, 1]);

        Assert.False(result.Imbalanced);
        Assert.Equal(1, result.RarestClass);
        Assert.DoesNotContain(true, result.IsIssue);
    }
}
