using LabelErrors.Core.ConfidentLearning;

namespace LabelErrors.Core.Tests.ConfidentLearning;

public sealed class HalfPrecisionTests
{
    [Fact]
    public void Float16_scores_are_the_float16_values_and_close_to_float64()
    {
        const int k = 4;
        var (labels, probs) = SyntheticData.Make(2000, k, seed: 8);
        var halves = probs.Select(v => (Half)v).ToArray();
        var p16 = PredProbs.FromHalf(halves, labels.Length, k);
        Assert.Equal(FloatPrecision.Float16, p16.Precision);

        var selfConfidence = LabelQuality.Scores(labels, p16, ScoreMethod.SelfConfidence);
        var margin16 = LabelQuality.Scores(labels, p16, ScoreMethod.NormalizedMargin);
        var margin64 = LabelQuality.Scores(labels, SyntheticData.Double(probs, k), ScoreMethod.NormalizedMargin);
        for (int i = 0; i < labels.Length; i++)
        {
            Assert.Equal((double)halves[i * k + labels[i]], selfConfidence[i]);
            Assert.True(Math.Abs(margin16[i] - margin64[i]) <= 2e-3, $"example {i}: {margin16[i]} vs {margin64[i]}");
        }
    }

    [Fact]
    public void Float16_issue_count_is_close_to_float64()
    {
        const int k = 4;
        var (labels, probs) = SyntheticData.Make(4000, k, seed: 9);
        var p16 = PredProbs.FromHalf(probs.Select(v => (Half)v).ToArray(), labels.Length, k);
        int count16 = LabelIssues.Find(labels, p16).Count;
        int count64 = LabelIssues.Find(labels, SyntheticData.Double(probs, k)).Count;
        Assert.True(count64 > 100);
        Assert.InRange(count16, count64 * 0.97, count64 * 1.03);
    }
}
