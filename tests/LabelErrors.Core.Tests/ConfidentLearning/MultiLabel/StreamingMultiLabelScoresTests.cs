using System.Text.Json;
using LabelErrors.Core.ConfidentLearning;
using LabelErrors.Core.ConfidentLearning.MultiLabel;
using LabelErrors.Core.ConfidentLearning.Streaming;

namespace LabelErrors.Core.Tests.ConfidentLearning.MultiLabel;

public sealed class StreamingMultiLabelScoresTests
{
    [Theory]
    [InlineData("synthetic_N400_K4_float64")]
    [InlineData("synthetic_N2000_K12_float32")]
    [InlineData("synthetic_N1500_K8_float16")]
    public void Streamed_scores_equal_the_in_memory_and_per_class_matrix_ones(string set)
    {
        var (labels, p) = MultiLabelReferenceTests.Load(set);
        string npy = Path.Combine(RepositoryReference.Directory, "multilabel", set, "inputs", "pred_probs.npy");
        foreach (var method in Enum.GetValues<ScoreMethod>())
        {
            var inMemory = MultiLabelQuality.Scores(labels, p, method);
            var fromMatrix = MultiLabelQuality.Aggregate(MultiLabelQuality.ScoresPerClass(labels, p, method), p.N, p.K, ExponentialMovingAverage.DefaultAlpha);
            Assert.Equal(fromMatrix, inMemory);
            using var file = NpyPredProbsFile.Open(npy);
            foreach (var (blockRows, threads) in new[] { (1, 1), (7, 3), (p.N / 5, 2), (p.N, 1) })
            {
                var streamed = StreamingMultiLabelScores.Scores(labels, file, method, new StreamingOptions { BlockRows = blockRows, MaxDegreeOfParallelism = threads });
                Assert.Equal(inMemory, streamed);
            }
        }
    }

    [Theory]
    [InlineData("synthetic_N400_K4_float64")]
    [InlineData("synthetic_N2000_K12_float32")]
    [InlineData("synthetic_N1500_K8_float16")]
    public void Per_class_scores_of_one_row_equal_that_row_of_the_matrix(string set)
    {
        var (labels, p) = MultiLabelReferenceTests.Load(set);
        var row = new double[p.K];
        foreach (var method in Enum.GetValues<ScoreMethod>())
        {
            var matrix = MultiLabelQuality.ScoresPerClass(labels, p, method);
            for (int i = 0; i < p.N; i++)
            {
                MultiLabelQuality.ScoresPerClassOfRow(labels, p, i, method, row);
                Assert.Equal(matrix.AsSpan(i * p.K, p.K).ToArray(), row);
            }
        }
    }

    [Fact]
    public void A_value_above_one_is_refused_while_streaming()
    {
        var labels = MultiLabels.From([[0], [1], []]);
        var p = PredProbs.FromDouble([0.9, 0.1, 0.2, 1.5, 0.3, 0.3], 3, 2);
        using var source = PredProbsSource.FromMemory(p);
        Assert.Throws<ArgumentException>(() => StreamingMultiLabelScores.Scores(labels, source));
    }
}
