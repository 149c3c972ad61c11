using LabelErrors.Core.ConfidentLearning;
using LabelErrors.Core.ConfidentLearning.Streaming;

namespace LabelErrors.Core.Tests.ConfidentLearning.Streaming;

/// <summary>Streaming find_label_issues (prune_by_noise_rate) equals the in-memory path on seeded sets with many ties.</summary>
public sealed class StreamingLabelIssuesTests
{
    public static TheoryData<FloatPrecision, bool> Precisions() => new()
    {
        { FloatPrecision.Float64, false },
        { FloatPrecision.Float32, false },
        { FloatPrecision.Float16, false },
        { FloatPrecision.Float32, true },
        { FloatPrecision.Float16, true },
    };

    public static IEnumerable<FindLabelIssuesOptions> OptionSets(int k) =>
    [
        new FindLabelIssuesOptions(),
        new FindLabelIssuesOptions { ReturnIndicesRankedBy = RankBy.SelfConfidence },
        new FindLabelIssuesOptions { ReturnIndicesRankedBy = RankBy.NormalizedMargin },
        new FindLabelIssuesOptions { ReturnIndicesRankedBy = RankBy.ConfidenceWeightedEntropy },
        new FindLabelIssuesOptions { FracNoise = 0.4, MinExamplesPerClass = 30, ReturnIndicesRankedBy = RankBy.NormalizedMargin },
        new FindLabelIssuesOptions { NumToRemovePerClass = Enumerable.Range(0, k).Select(c => 3 * c).ToArray() },
    ];

    [Theory]
    [MemberData(nameof(Precisions))]
    public void Equals_the_in_memory_path_on_tied_data(FloatPrecision precision, bool missingClass)
    {
        const int n = 3000, k = 7;
        var (labels, p) = TiedData.Make(n, k, seed: 5 + (int)precision, precision, missingClass);
        foreach (var options in OptionSets(k))
        {
            foreach (var streaming in StreamingAssert.Settings(n))
            {
                var result = StreamingAssert.SameAsInMemory(labels, p, options, streaming);
                Assert.True(result.Count > 10, $"too few issues ({result.Count}) to tell paths apart");
            }
        }
    }

    [Fact]
    public void Many_classes_with_sparse_cells_equal_the_in_memory_path()
    {
        // more classes than examples per class: most confident-joint cells are empty
        const int n = 4000, k = 300;
        var (labels, probs) = SyntheticData.Make(n, k, seed: 77, noise: 0.3);
        var p = PredProbs.FromSingle(probs.Select(v => (float)v).ToArray(), n, k);
        var options = new FindLabelIssuesOptions { ReturnIndicesRankedBy = RankBy.SelfConfidence };
        foreach (var streaming in StreamingAssert.Settings(n)) StreamingAssert.SameAsInMemory(labels, p, options, streaming);
    }

    [Fact]
    public void Rows_of_one_block_or_one_row_per_block_give_the_same_result()
    {
        var (labels, p) = TiedData.Make(500, 4, seed: 9, FloatPrecision.Float32);
        var options = new FindLabelIssuesOptions { ReturnIndicesRankedBy = RankBy.NormalizedMargin };
        StreamingAssert.SameAsInMemory(labels, p, options, new StreamingOptions { BlockRows = 1, MaxDegreeOfParallelism = 2 });
        StreamingAssert.SameAsInMemory(labels, p, options, new StreamingOptions { BlockRows = 10_000, MaxDegreeOfParallelism = 2 });
    }

    [Fact]
    public void Non_finite_and_out_of_range_values_are_refused_like_the_in_memory_path()
    {
        var (labels, probs) = SyntheticData.Make(200, 3, seed: 1);
        probs[5 * 3 + 2] = double.NaN;
        var p = PredProbs.FromDouble(probs, 200, 3);
        var expected = Assert.Throws<ArgumentException>(() => LabelIssues.Find(labels, p));
        using var source = PredProbsSource.FromMemory(p);
        var actual = Assert.Throws<ArgumentException>(() => StreamingLabelIssues.Find(labels, source, streaming: new StreamingOptions { BlockRows = 16 }));
        Assert.Equal(expected.Message, actual.Message);

        probs[5 * 3 + 2] = 1.5;
        var outOfRange = PredProbs.FromDouble(probs, 200, 3);
        expected = Assert.Throws<ArgumentException>(() => LabelIssues.Find(labels, outOfRange));
        using var outOfRangeSource = PredProbsSource.FromMemory(outOfRange);
        actual = Assert.Throws<ArgumentException>(() => StreamingLabelIssues.Find(labels, outOfRangeSource));
        Assert.Equal(expected.Message, actual.Message);
    }

    public static TheoryData<FilterBy, FloatPrecision, bool> FiltersAndPrecisions()
    {
        var data = new TheoryData<FilterBy, FloatPrecision, bool>();
        foreach (var filter in Enum.GetValues<FilterBy>())
        {
            data.Add(filter, FloatPrecision.Float64, false);
            data.Add(filter, FloatPrecision.Float32, true);
            data.Add(filter, FloatPrecision.Float16, false);
        }

        return data;
    }

    /// <summary>Options valid for a filter: num_to_remove_per_class only with the prune_by_* filters, as cleanlab.</summary>
    public static IEnumerable<FindLabelIssuesOptions> OptionSets(FilterBy filter, int k) =>
        OptionSets(k)
            .Where(o => o.NumToRemovePerClass is null || filter is FilterBy.PruneByNoiseRate or FilterBy.PruneByClass or FilterBy.Both)
            .Select(o => o with { FilterBy = filter });

    [Theory]
    [MemberData(nameof(FiltersAndPrecisions))]
    public void Every_filter_equals_the_in_memory_path(FilterBy filter, FloatPrecision precision, bool missingClass)
    {
        const int n = 2000, k = 6;
        var (labels, p) = TiedData.Make(n, k, seed: 40 + (int)filter + (int)precision, precision, missingClass);
        foreach (var options in OptionSets(filter, k))
        {
            foreach (var streaming in StreamingAssert.Settings(n))
            {
                var result = StreamingAssert.SameAsInMemory(labels, p, options, streaming);
                Assert.True(result.Count > 10, $"{filter}: too few issues ({result.Count}) to tell paths apart");
            }
        }
    }

    [Fact]
    public void Passes_per_filter_match_the_progress_reports()
    {
        var (labels, probs) = SyntheticData.Make(500, 3, seed: 8);
        using var source = PredProbsSource.FromMemory(PredProbs.FromDouble(probs, 500, 3));
        foreach (var filter in Enum.GetValues<FilterBy>())
        {
            var reports = new List<StreamingProgress>();
            StreamingLabelIssues.Find(labels, source, new FindLabelIssuesOptions { FilterBy = filter },
                new StreamingOptions { BlockRows = 50, MaxDegreeOfParallelism = 1, Progress = new SynchronousProgress(reports) });
            Assert.Equal(StreamingLabelIssues.Passes(filter), reports.Max(r => r.Pass));
            Assert.All(reports, r => Assert.Equal(StreamingLabelIssues.Passes(filter), r.Passes));
            var ranked = new FindLabelIssuesOptions { FilterBy = filter, ReturnIndicesRankedBy = RankBy.ConfidenceWeightedEntropy };
            reports.Clear();
            StreamingLabelIssues.Find(labels, source, ranked,
                new StreamingOptions { BlockRows = 50, MaxDegreeOfParallelism = 1, Progress = new SynchronousProgress(reports) });
            Assert.Equal(StreamingLabelIssues.Passes(ranked), reports.Max(r => r.Pass));
            Assert.Equal(StreamingLabelIssues.Passes(filter) + 1, StreamingLabelIssues.Passes(ranked)); // the flagged rows
        }
    }

    [Fact]
    public void Progress_reports_every_row_of_every_pass()
    {
        var (labels, probs) = SyntheticData.Make(1000, 3, seed: 3);
        using var source = PredProbsSource.FromMemory(PredProbs.FromDouble(probs, 1000, 3));
        var reports = new List<StreamingProgress>();
        var progress = new SynchronousProgress(reports);
        StreamingLabelIssues.Find(labels, source, streaming: new StreamingOptions { BlockRows = 64, MaxDegreeOfParallelism = 2, Progress = progress });
        lock (reports)
        {
            // thresholds (with the row summaries), the rows the summaries cannot decide, the selection
            Assert.Equal([1, 2, 3], reports.Select(r => r.Pass).Distinct().Order().ToArray());
            foreach (int pass in new[] { 1, 2, 3 }) Assert.Equal(1000, reports.Where(r => r.Pass == pass).Max(r => r.RowsDone));
            Assert.All(reports, r => Assert.Equal(3, r.Passes));
        }
    }

    private sealed class SynchronousProgress(List<StreamingProgress> reports) : IProgress<StreamingProgress>
    {
        public void Report(StreamingProgress value)
        {
            lock (reports) reports.Add(value);
        }
    }
}
