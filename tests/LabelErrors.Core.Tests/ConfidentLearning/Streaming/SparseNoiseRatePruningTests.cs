using LabelErrors.Core.ConfidentLearning;

namespace LabelErrors.Core.Tests.ConfidentLearning.Streaming;

/// <summary>The in-memory prune_by_noise_rate switches to the sparse selection for many classes; both give the same issues.</summary>
[Collection(nameof(NoiseRatePruningSettings))]
public sealed class SparseNoiseRatePruningTests
{
    [Theory]
    [InlineData(FloatPrecision.Float32, 1)]
    [InlineData(FloatPrecision.Float16, 3)]
    public void Sparse_and_dense_selections_flag_the_same_examples(FloatPrecision precision, int threads)
    {
        var (labels, p) = TiedData.Make(4000, 40, seed: 31, precision);
        var options = new FindLabelIssuesOptions { ReturnIndicesRankedBy = RankBy.NormalizedMargin };
        int savedClasses = NoiseRatePruning.DenseMaxClasses, savedThreads = Parallelism.MaxDegree;
        try
        {
            Parallelism.MaxDegree = threads;
            NoiseRatePruning.DenseMaxClasses = 1024;
            var dense = LabelIssues.Find(labels, p, options);
            NoiseRatePruning.DenseMaxClasses = 2;
            var sparse = LabelIssues.Find(labels, p, options);

            Assert.True(dense.Count > 100);
            Assert.Equal(dense.Mask, sparse.Mask);
            Assert.Equal(dense.RankedIndices!, sparse.RankedIndices!);
        }
        finally
        {
            NoiseRatePruning.DenseMaxClasses = savedClasses;
            Parallelism.MaxDegree = savedThreads;
        }
    }
}

/// <summary>Tests that change the static NoiseRatePruning/Parallelism settings run one at a time.</summary>
[CollectionDefinition(nameof(NoiseRatePruningSettings), DisableParallelization = true)]
public sealed class NoiseRatePruningSettings
{
}
