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
    public void From_arrays_builds_the_same_labels_as_from_enumerables()
    {
        int[][] rows = [[3, 1, 3], [], [0], [2, 5], [5, 2, 2, 0], [7]];
        var expected = MultiLabels.From(rows);
        var actual = MultiLabels.FromArrays(rows);
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected.LabelCount, actual.LabelCount);
        for (int i = 0; i < rows.Length; i++) Assert.Equal(expected[i].ToArray(), actual[i].ToArray());
        Assert.Equal([3, 1, 3], rows[0]); // the caller's rows are not sorted in place
        Assert.Throws<ArgumentException>(() => MultiLabels.FromArrays([[0], [1, -1]]));
    }

    [Theory]
    [InlineData(7)]
    [InlineData(100)] // insertion sort
    [InlineData(129)] // Span.Sort
    [InlineData(300)]
    public void Exponential_moving_average_equals_the_one_over_a_fully_sorted_row(int k)
    {
        var random = new Random(k);
        var scores = new double[k];
        for (int c = 0; c < k; c++) scores[c] = c % 5 == 0 ? 0.25 : random.NextDouble(); // with ties
        var sorted = scores.ToArray();
        Array.Sort(sorted);
        double ema = sorted[^1];
        double beta = 1 - 0.8; // as cleanlab: 1 - alpha, not the literal 0.2
        for (int j = sorted.Length - 2; j >= 0; j--) ema = (0.8 * sorted[j]) + (beta * ema);
        Assert.Equal(BitConverter.DoubleToInt64Bits(ema), BitConverter.DoubleToInt64Bits(ExponentialMovingAverage.Row(scores, 0.8, new double[k])));
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
