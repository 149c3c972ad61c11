using LabelErrors.Core.ConfidentLearning;

namespace LabelErrors.Core.Tests.ConfidentLearning;

public sealed class InvariantTests
{
    // 3 examples, 2 classes. Thresholds: class 0 = mean(0.9, 0.2) = 0.55, class 1 = 0.7.
    // Example 1 (given 0) is only confident in class 1; example 2 reaches 0.7 - 1e-6 for class 1.
    private static readonly int[] TinyLabels = [0, 0, 1];
    private static readonly double[] TinyProbs = [0.9, 0.1, 0.2, 0.8, 0.3, 0.7];

    private static PredProbs Tiny => PredProbs.FromDouble(TinyProbs, 3, 2);

    [Fact]
    public void Tiny_case_confident_joint_by_hand()
    {
        var joint = ConfidentJoint.Compute(TinyLabels, Tiny, calibrate: false);
        Assert.Equal(new long[,] { { 1, 1 }, { 0, 1 } }, joint);
        var (calibrated, offDiagonal) = ConfidentJoint.ComputeWithOffDiagonalIndices(TinyLabels, Tiny);
        Assert.Equal(new long[,] { { 1, 1 }, { 0, 1 } }, calibrated);
        Assert.Equal([1], offDiagonal);
    }

    [Fact]
    public void Tiny_case_issues_and_scores_by_hand()
    {
        var result = LabelIssues.Find(TinyLabels, Tiny, new FindLabelIssuesOptions { ReturnIndicesRankedBy = RankBy.SelfConfidence });
        Assert.Equal([false, true, false], result.Mask);
        Assert.Equal([1], result.RankedIndices!);
        Assert.Equal(1, LabelIssues.Count(TinyLabels, Tiny));
        Assert.Equal([0.9, 0.2, 0.7], LabelQuality.Scores(TinyLabels, Tiny, ScoreMethod.SelfConfidence));
        var margins = LabelQuality.Scores(TinyLabels, Tiny, ScoreMethod.NormalizedMargin);
        Assert.Equal((0.9 - 0.1 + 1) / 2, margins[0]);
        Assert.Equal((0.2 - 0.8 + 1) / 2, margins[1]);
        Assert.Equal((0.7 - 0.3 + 1) / 2, margins[2]);
    }

    [Fact]
    public void Class_without_off_diagonal_counts_gives_finite_counts_with_num_to_remove_per_class()
    {
        // Row 0 of the prune count matrix has no off-diagonal mass: cleanlab divides 0 by 0 there.
        var options = new FindLabelIssuesOptions { FilterBy = FilterBy.PruneByClass, NumToRemovePerClass = [1, 1] };
        var result = LabelIssues.Find(TinyLabels, Tiny, options);
        Assert.Equal([false, true, false], result.Mask);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Non_finite_pred_probs_are_refused(double bad)
    {
        var probs = (double[])TinyProbs.Clone();
        probs[3] = bad;
        var p = PredProbs.FromDouble(probs, 3, 2);
        Assert.Throws<ArgumentException>(() => LabelIssues.Find(TinyLabels, p));
        Assert.Throws<ArgumentException>(() => LabelQuality.Scores(TinyLabels, p));
        Assert.Throws<ArgumentException>(() => ConfidentJoint.Compute(TinyLabels, p));
        Assert.Throws<ArgumentException>(() => PaperSelection.Select("cifar10", TinyLabels, p));
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity)]
    public void Non_finite_values_in_wide_rows_are_refused_wherever_they_are(float bad)
    {
        // rows of 19 classes take the vectorised passes (validation folded into the guess and score passes) and a tail
        const int n = 40, k = 19;
        var labels = Enumerable.Range(0, n).Select(i => i % k).ToArray();
        foreach (int position in new[] { 0, 7, 8, 16, 18, 5 * k + 3, n * k - 1 })
        {
            var probs = Enumerable.Repeat(1f / k, n * k).ToArray();
            probs[position] = bad;
            var singles = PredProbs.FromSingle(probs, n, k);
            var doubles = PredProbs.FromDouble(Array.ConvertAll(probs, v => (double)v), n, k);
            foreach (var p in new PredProbs[] { singles, doubles })
            {
                var error = Assert.Throws<ArgumentException>(() => LabelIssues.Find(labels, p));
                Assert.Contains($"row {position / k}, column {position % k}", error.Message);
                Assert.Throws<ArgumentException>(() => LabelQuality.Scores(labels, p));
                Assert.Throws<ArgumentException>(() => ConfidentJoint.Compute(labels, p));
            }
        }
    }

    [Fact]
    public void NaN_in_float32_input_is_refused()
    {
        var p = PredProbs.FromSingle([0.9f, 0.1f, float.NaN, 0.8f, 0.3f, 0.7f], 3, 2);
        Assert.Throws<ArgumentException>(() => LabelIssues.Find(TinyLabels, p));
    }

    [Fact]
    public void Labels_outside_the_classes_are_refused()
    {
        Assert.Throws<ArgumentException>(() => LabelIssues.Find([0, 2, 1], Tiny));
        Assert.Throws<ArgumentException>(() => LabelIssues.Find([0, 1], Tiny));
    }

    [Theory]
    [InlineData(FilterBy.ConfidentLearning)]
    [InlineData(FilterBy.LowNormalizedMargin)]
    [InlineData(FilterBy.LowSelfConfidence)]
    public void Flag_count_equals_num_label_issues(FilterBy filterBy)
    {
        var (labels, probs) = SyntheticData.Make(3000, 6, seed: 11);
        var p = SyntheticData.Double(probs, 6);
        int expected = LabelIssues.Count(labels, p);
        Assert.True(expected > 50, "the synthetic data should have label issues");
        Assert.Equal(expected, LabelIssues.Find(labels, p, new FindLabelIssuesOptions { FilterBy = filterBy }).Count);
    }

    [Theory]
    [InlineData(FilterBy.PruneByNoiseRate)]
    [InlineData(FilterBy.PruneByClass)]
    [InlineData(FilterBy.Both)]
    [InlineData(FilterBy.ConfidentLearning)]
    [InlineData(FilterBy.PredictedNeqGiven)]
    [InlineData(FilterBy.LowNormalizedMargin)]
    public void Permuting_examples_permutes_the_mask(FilterBy filterBy)
    {
        const int k = 5;
        var (labels, probs) = SyntheticData.Make(2000, k, seed: 5);
        var permutation = Enumerable.Range(0, labels.Length).ToArray();
        new Random(99).Shuffle(permutation);
        var permutedLabels = permutation.Select(i => labels[i]).ToArray();
        var permutedProbs = permutation.SelectMany(i => probs.AsSpan(i * k, k).ToArray()).ToArray();
        var options = new FindLabelIssuesOptions { FilterBy = filterBy };

        var mask = LabelIssues.Find(labels, SyntheticData.Double(probs, k), options).Mask;
        var permutedMask = LabelIssues.Find(permutedLabels, SyntheticData.Double(permutedProbs, k), options).Mask;

        Assert.True(mask.Count(f => f) > 20);
        Assert.Equal(permutation.Select(i => mask[i]).ToArray(), permutedMask);
    }

    [Fact]
    public void Float32_input_is_computed_in_float32()
    {
        // 0.1f + 0.2f rounds differently from 0.1 + 0.2: the margin must follow float32 arithmetic.
        var (labels, probs) = SyntheticData.Make(500, 4, seed: 3);
        var singles = probs.Select(v => (float)v).ToArray();
        var scores = LabelQuality.Scores(labels, PredProbs.FromSingle(singles, 500, 4), ScoreMethod.NormalizedMargin);
        for (int i = 0; i < labels.Length; i++)
        {
            var row = singles.AsSpan(i * 4, 4);
            float max = float.NegativeInfinity;
            for (int c = 0; c < 4; c++)
            {
                if (c != labels[i]) max = Math.Max(max, row[c]);
            }

            Assert.Equal((double)((row[labels[i]] - max + 1f) / 2f), scores[i]);
        }
    }

    [Fact]
    public void Class_without_examples_never_receives_confident_counts()
    {
        // K = 3 but no example is labelled 2: its threshold is cleanlab's BIG_VALUE (2), and the diagonal is clipped to 1.
        int[] labels = [0, 0, 1];
        double[] probs = [0.8, 0.1, 0.1, 0.2, 0.7, 0.1, 0.3, 0.6, 0.1];
        var expected = new long[,] { { 1, 1, 0 }, { 0, 1, 0 }, { 0, 0, 1 } };
        Assert.Equal(expected, ConfidentJoint.Compute(labels, PredProbs.FromDouble(probs, 3, 3), calibrate: false));
        Assert.Equal(expected, ConfidentJoint.Compute(labels, PredProbs.FromSingle(probs.Select(v => (float)v).ToArray(), 3, 3), calibrate: false));
    }
}
