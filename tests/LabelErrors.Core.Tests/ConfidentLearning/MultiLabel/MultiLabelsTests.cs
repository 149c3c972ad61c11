using LabelErrors.Core.ConfidentLearning;
using LabelErrors.Core.ConfidentLearning.MultiLabel;

namespace LabelErrors.Core.Tests.ConfidentLearning.MultiLabel;

public sealed class MultiLabelsTests
{
    [Fact]
    public void Rows_are_sorted_and_duplicates_count_once()
    {
        var labels = MultiLabels.From([[3, 1, 3], [], [0]]);
        Assert.Equal(3, labels.Count);
        Assert.Equal([1, 3], labels[0].ToArray());
        Assert.True(labels[1].IsEmpty);
        Assert.Equal(3, labels.MaxClass());
        Assert.Equal(3, labels.LabelCount);
    }

    [Fact]
    public void Negative_ids_are_refused() =>
        Assert.Throws<ArgumentException>(() => MultiLabels.From([[0], [-1]]));

    [Fact]
    public void Exponential_moving_average_weighs_the_lowest_scores_most()
    {
        // cleanlab: sorted descending [0.9, 0.5, 0.1]; ema = 0.9 → 0.8·0.5 + 0.2·0.9 → 0.8·0.1 + 0.2·that
        double expected = (0.8 * 0.1) + ((1 - 0.8) * ((0.8 * 0.5) + ((1 - 0.8) * 0.9)));
        Assert.Equal(expected, ExponentialMovingAverage.Row([0.5, 0.1, 0.9], 0.8, new double[3]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ExponentialMovingAverage.Row([0.5], 1.5, new double[1]));
    }

    [Fact]
    public void Labels_outside_pred_probs_are_refused()
    {
        var p = PredProbs.FromDouble([0.9, 0.1, 0.2, 0.8], 2, 2);
        Assert.Throws<ArgumentException>(() => MultiLabelIssues.Find(MultiLabels.From([[0], [2]]), p));
        Assert.Throws<ArgumentException>(() => MultiLabelQuality.Scores(MultiLabels.From([[], []]), p));
        Assert.Throws<ArgumentException>(() => MultiLabelQuality.Scores(MultiLabels.From([[0]]), p));
    }

    [Fact]
    public void Nan_is_refused()
    {
        var p = PredProbs.FromDouble([0.9, double.NaN, 0.2, 0.8], 2, 2);
        Assert.Throws<ArgumentException>(() => MultiLabelQuality.Scores(MultiLabels.From([[0], [1]]), p));
    }
}
