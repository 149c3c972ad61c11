using LabelErrors.Core.ConfidentLearning;
using LabelErrors.Core.ConfidentLearning.Streaming;
using LabelErrors.Core.Formats;

namespace LabelErrors.Core.Tests.ConfidentLearning.Streaming;

/// <summary>The streaming paper mode equals <see cref="PaperSelection.Select"/> (same indices, same order) with its scores and predicted labels.</summary>
public sealed class StreamingPaperSelectionTests
{
    public static TheoryData<string> StudySets() => ["mnist", "cifar10", "imdb", "20news"];

    [ReferenceTheory]
    [MemberData(nameof(StudySets))]
    public void Equals_the_in_memory_selection_on_the_study_data(string slug)
    {
        string data = Path.Combine(ReferenceData.SharedDirectory!, "data", "label-errors");
        string baseName = slug + "_test_set";
        var labels = Npy.ReadLabels(Path.Combine(data, "original_test_labels", $"{baseName}_original_labels.npy"));
        string predProbsPath = Path.Combine(data, "cross_validated_predicted_probabilities", $"{baseName}_pyx.npy");
        var p = Npy.ReadPredProbs(predProbsPath);

        using var file = NpyPredProbsFile.Open(predProbsPath);
        SameAsInMemory(slug, labels, p, file, new StreamingOptions());
        using var memory = PredProbsSource.FromMemory(p);
        foreach (var streaming in StreamingAssert.Settings(p.N)) SameAsInMemory(slug, labels, p, memory, streaming);
    }

    public static TheoryData<string, FloatPrecision> SyntheticCases()
    {
        var data = new TheoryData<string, FloatPrecision>();
        foreach (string slug in new[] { "mnist", "imagenet", "cifar10" })
        {
            foreach (var precision in new[] { FloatPrecision.Float64, FloatPrecision.Float32, FloatPrecision.Float16 }) data.Add(slug, precision);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SyntheticCases))]
    public void Equals_the_in_memory_selection_on_tied_data(string slug, FloatPrecision precision)
    {
        var (labels, p) = TiedData.Make(2500, 6, seed: 40, precision);
        using var memory = PredProbsSource.FromMemory(p);
        foreach (var streaming in StreamingAssert.Settings(p.N)) SameAsInMemory(slug, labels, p, memory, streaming);
    }

    private static void SameAsInMemory(string slug, int[] labels, PredProbs p, PredProbsSource source, StreamingOptions streaming)
    {
        var expected = PaperSelection.Select(slug, labels, p);
        var margins = PaperSelection.NormalizedMargins(labels, p);
        var actual = StreamingPaperSelection.Select(slug, labels, source, streaming);

        Assert.True(expected.Length > 10);
        Assert.Equal(expected, actual.Select(issue => issue.Index).ToArray());
        foreach (var issue in actual)
        {
            Assert.Equal(margins[issue.Index], issue.Score);
            Assert.Equal(StreamingAssert.ArgMax(p, issue.Index), issue.PredictedLabel);
        }
    }
}
