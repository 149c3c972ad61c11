using LabelErrors.Core.ConfidentLearning;
using LabelErrors.Core.Tests.ConfidentLearning.Streaming;

namespace LabelErrors.Core.Tests.ConfidentLearning;

public sealed class ScoresOfTests
{
    [Theory]
    [InlineData(FloatPrecision.Float64)]
    [InlineData(FloatPrecision.Float32)]
    [InlineData(FloatPrecision.Float16)]
    public void Scores_of_some_rows_equal_the_full_scores_there(FloatPrecision precision)
    {
        var (labels, p) = TiedData.Make(1500, 6, seed: 8, precision);
        int[] indices = [1400, 3, 3, 777, 0, 1499];
        foreach (var method in Enum.GetValues<ScoreMethod>())
        {
            var all = LabelQuality.Scores(labels, p, method);
            var some = LabelQuality.ScoresOf(labels, p, method, indices);
            Assert.Equal(indices.Select(i => all[i]).ToArray(), some);
        }
    }

    [Fact]
    public void A_non_finite_value_in_a_requested_row_is_refused()
    {
        var (labels, probs) = SyntheticData.Make(50, 3, seed: 4);
        probs[10 * 3 + 1] = double.PositiveInfinity;
        var p = PredProbs.FromDouble(probs, 50, 3);
        Assert.Throws<ArgumentException>(() => LabelQuality.ScoresOf(labels, p, ScoreMethod.SelfConfidence, [10]));
        Assert.Single(LabelQuality.ScoresOf(labels, p, ScoreMethod.SelfConfidence, [11]));
    }
}
