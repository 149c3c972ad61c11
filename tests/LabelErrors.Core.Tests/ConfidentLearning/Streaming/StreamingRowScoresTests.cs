using LabelErrors.Core.ConfidentLearning;
using LabelErrors.Core.ConfidentLearning.Outliers;
using LabelErrors.Core.ConfidentLearning.Streaming;

namespace LabelErrors.Core.Tests.ConfidentLearning.Streaming;

/// <summary>
/// The per-row outputs and the health summary an upload stores, computed over row blocks, equal the whole-matrix
/// functions bit for bit: every block size and thread count, every precision, a class missing from the labels.
/// </summary>
public sealed class StreamingRowScoresTests
{
    public static TheoryData<FloatPrecision, bool> Precisions() => new()
    {
        { FloatPrecision.Float64, false },
        { FloatPrecision.Float32, false },
        { FloatPrecision.Float16, false },
        { FloatPrecision.Float32, true },
        { FloatPrecision.Float16, true },
    };

    [Theory]
    [MemberData(nameof(Precisions))]
    public void Row_scores_and_outliers_equal_the_whole_matrix_functions(FloatPrecision precision, bool missingClass)
    {
        var (labels, p) = TiedData.Make(2000, 7, seed: 11 + (int)precision, precision, missingClass);
        AssertEqualToTheWholeMatrixFunctions(labels, p,
            (source, method, streaming) => StreamingRowScores.Compute(labels, source, method, outliers: true, streaming));

        using var withoutOutliers = PredProbsSource.FromMemory(p);
        Assert.Null(StreamingRowScores.Compute(labels, withoutOutliers, ScoreMethod.SelfConfidence, outliers: false).Outliers);
    }

    [Theory]
    [MemberData(nameof(Precisions))]
    public void One_pass_with_the_health_summarys_thresholds_equals_the_whole_matrix_functions(FloatPrecision precision, bool missingClass)
    {
        var (labels, p) = TiedData.Make(2000, 7, seed: 31 + (int)precision, precision, missingClass);
        AssertEqualToTheWholeMatrixFunctions(labels, p, (source, method, streaming) =>
        {
            DatasetHealth.HealthSummary(labels, source, out var thresholds, streaming: streaming);
            return StreamingRowScores.Compute(labels, source, method, thresholds, streaming);
        });
    }

    // every score method, block size and thread count against LabelQuality.Scores, PredictedLabels.ArgMax and OutlierIssues.Find
    private static void AssertEqualToTheWholeMatrixFunctions(int[] labels, PredProbs p,
        Func<PredProbsSource, ScoreMethod, StreamingOptions, StreamedRowScores> compute)
    {
        var argmax = PredictedLabels.ArgMax(p);
        var margins = LabelQuality.Scores(labels, p, ScoreMethod.NormalizedMargin);
        var outliers = OutlierIssues.Find(labels, p);
        foreach (var method in new[] { ScoreMethod.SelfConfidence, ScoreMethod.NormalizedMargin, ScoreMethod.ConfidenceWeightedEntropy })
        {
            var scores = LabelQuality.Scores(labels, p, method);
            foreach (var streaming in StreamingAssert.Settings(labels.Length))
            {
                using var source = PredProbsSource.FromMemory(p);
                var rows = compute(source, method, streaming);
                var setting = $"{method}, block {streaming.BlockRows}, {streaming.MaxDegreeOfParallelism} threads";
                Assert.True(scores.SequenceEqual(rows.LabelQuality), $"label quality differs ({setting})");
                Assert.True(margins.SequenceEqual(rows.NormalizedMargin), $"margins differ ({setting})");
                Assert.True(argmax.SequenceEqual(rows.PredictedLabels), $"argmax differs ({setting})");
                Assert.True(outliers.Scores.SequenceEqual(rows.Outliers!.Scores), $"outlier scores differ ({setting})");
                Assert.True(outliers.IsOutlier.SequenceEqual(rows.Outliers.IsOutlier), $"outlier flags differ ({setting})");
                Assert.Equal(outliers.IssueThreshold, rows.Outliers.IssueThreshold);
            }
        }
    }

    [Fact]
    public void Thresholds_of_another_precision_or_class_count_are_refused()
    {
        var (labels, p) = TiedData.Make(200, 5, seed: 3, FloatPrecision.Float32, missingClass: false);
        using var source = PredProbsSource.FromMemory(p);
        DatasetHealth.HealthSummary(labels, source, out var thresholds);
        var (otherLabels, other) = TiedData.Make(200, 5, seed: 3, FloatPrecision.Float16, missingClass: false);
        using var otherSource = PredProbsSource.FromMemory(other);
        var error = Assert.Throws<ArgumentException>(() => StreamingRowScores.Compute(otherLabels, otherSource, ScoreMethod.SelfConfidence, thresholds));
        Assert.Contains("5 classes of Single, not 5 of Half", error.Message);
    }

    [Theory]
    [MemberData(nameof(Precisions))]
    public void The_health_summary_over_row_blocks_equals_the_whole_matrix_one(FloatPrecision precision, bool missingClass)
    {
        const int n = 2000, k = 7;
        var (labels, p) = TiedData.Make(n, k, seed: 23 + (int)precision, precision, missingClass);
        // the whole-matrix definition: cleanlab's two confident joints and num_label_issues(off_diagonal)
        var expectedScore = DatasetHealth.OverallLabelHealthScore(labels, p);
        var expectedClasses = DatasetHealth.RankClassesByLabelQuality(labels, p);
        var expectedOverlaps = DatasetHealth.FindOverlappingClasses(labels, p);
        foreach (var streaming in StreamingAssert.Settings(n))
        {
            using var source = PredProbsSource.FromMemory(p);
            var health = DatasetHealth.HealthSummary(labels, source, streaming: streaming);
            Assert.Equal(expectedScore, health.OverallLabelHealthScore);
            Assert.Equal(expectedClasses, health.ClassesByLabelQuality);
            Assert.Equal(expectedOverlaps, health.OverlappingClasses);
        }
    }

    [Fact]
    public void A_non_finite_value_is_reported_with_its_position_as_the_whole_matrix_check_does()
    {
        var probs = new float[] { 0.5f, 0.5f, 0.25f, 0.75f, 0.5f, float.NaN, 1f, 0f };
        var p = PredProbs.FromSingle(probs, 4, 2);
        int[] labels = [0, 1, 0, 1];
        var expected = Assert.Throws<ArgumentException>(() => LabelQuality.Scores(labels, p));
        using var source = PredProbsSource.FromMemory(p);
        var actual = Assert.Throws<ArgumentException>(() =>
            StreamingRowScores.Compute(labels, source, ScoreMethod.SelfConfidence, outliers: true, new StreamingOptions { BlockRows = 1 }));
        Assert.Equal(expected.Message, actual.Message);
    }
}
