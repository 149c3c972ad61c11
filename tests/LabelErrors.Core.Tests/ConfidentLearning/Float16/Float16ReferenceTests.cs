using LabelErrors.Core.ConfidentLearning;
using LabelErrors.Core.ConfidentLearning.Streaming;
using LabelErrors.Core.Formats;

namespace LabelErrors.Core.Tests.ConfidentLearning.Float16;

/// <summary>
/// float16 pred_probs against cleanlab 2.9.0 (<c>tests/reference/float16</c>): every score method, adjusted and not,
/// bit-identical to cleanlab's result in its own dtype (float16, float32 for confidence_weighted_entropy, float64 for
/// adjusted scores when a class is missing); rankings and masks identical (stable tie rule).
/// </summary>
public sealed class Float16ReferenceTests
{
    private const string Group = "float16";

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (string set in RepositoryReference.Sets(Group))
        {
            foreach (string file in RepositoryReference.Files(Group, set)) data.Add(set, file);
        }

        return data;
    }

    private static (int[] Labels, PredProbs PredProbs, string InputPath) Load(string set)
    {
        string inputs = Path.Combine(RepositoryReference.Directory, Group, set, "inputs");
        string predProbsPath = Path.Combine(inputs, "pred_probs.npy");
        var p = Npy.ReadPredProbs(predProbsPath);
        Assert.Equal(FloatPrecision.Float16, p.Precision);
        return (Npy.ReadLabels(Path.Combine(inputs, "labels.npy")), p, predProbsPath);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_cleanlab(string set, string file)
    {
        var (labels, p, inputPath) = Load(set);
        string path = RepositoryReference.PathOf(Group, set, file);
        string spec = Path.GetFileNameWithoutExtension(file);
        if (spec.StartsWith("get_label_quality_scores__", StringComparison.Ordinal))
        {
            var parts = spec.Split("__");
            var method = ParseMethod(parts[1]["method=".Length..]);
            bool adjust = parts.Length > 2 && parts[2] == "adjust_pred_probs=True";
            var expected = RepositoryReference.Scores(path);
            var actual = LabelQuality.Scores(labels, p, method, adjust);
            Assert.Equal(expected.Length, actual.Length);
            for (int i = 0; i < expected.Length; i++)
            {
                // cleanlab's float16/float32 results round-trip through their repr exactly; ours must be the same value
                Assert.True(expected[i] == actual[i], $"{spec}[{i}]: expected {expected[i]:R}, got {actual[i]:R} ({RepositoryReference.DtypeOf(path)})");
            }

            if (!adjust)
            {
                var indices = Enumerable.Range(0, labels.Length).Where(i => i % 7 == 3).ToArray();
                var some = LabelQuality.ScoresOf(labels, p, method, indices);
                for (int m = 0; m < indices.Length; m++) Assert.Equal(expected[indices[m]], some[m]);
            }

            return;
        }

        var options = ParseOptions(spec["find_label_issues__".Length..]);
        var expectedIndices = ReferenceAssert.Indices(path);
        var result = LabelIssues.Find(labels, p, options);
        var got = result.RankedIndices ?? Enumerable.Range(0, labels.Length).Where(i => result.Mask[i]).ToArray();
        ReferenceAssert.SameIndices(expectedIndices, got, spec);

        if (options.FilterBy == FilterBy.PruneByNoiseRate)
        {
            using var source = NpyPredProbsFile.Open(inputPath);
            var streamed = StreamingLabelIssues.Find(labels, source, options, new StreamingOptions { BlockRows = 997 });
            ReferenceAssert.SameIndices(expectedIndices, streamed.RankedIndices ?? streamed.Issues.Select(x => x.Index).ToArray(), spec + " (streaming)");
            if (options.ReturnIndicesRankedBy is { } rankBy)
            {
                var scores = LabelQuality.Scores(labels, p, (ScoreMethod)rankBy);
                Assert.All(streamed.Issues, issue => Assert.Equal(scores[issue.Index], issue.Score));
            }
        }
    }

    [Fact]
    public void Confidence_weighted_entropy_is_not_computed_in_half_precision()
    {
        // the issue-15 symptom: half-precision entropy differs from cleanlab's in the third decimal
        var (labels, p, _) = Load("cifar10");
        var expected = RepositoryReference.Scores(RepositoryReference.PathOf(Group, "cifar10", "get_label_quality_scores__method=confidence_weighted_entropy.csv"));
        var actual = LabelQuality.Scores(labels, p, ScoreMethod.ConfidenceWeightedEntropy);
        Assert.Contains(actual, v => (double)(float)v == v && (double)(Half)v != v); // float32 values, not float16
        Assert.Equal(expected, actual);
    }

    internal static ScoreMethod ParseMethod(string name) => Enum.Parse<ScoreMethod>(name.Replace("_", string.Empty), ignoreCase: true);

    internal static FindLabelIssuesOptions ParseOptions(string spec)
    {
        var options = new FindLabelIssuesOptions();
        foreach (string part in spec.Split("__"))
        {
            var kv = part.Split('=', 2);
            options = kv[0] switch
            {
                "filter_by" => options with { FilterBy = Enum.Parse<FilterBy>(kv[1].Replace("_", string.Empty), ignoreCase: true) },
                "return_indices_ranked_by" => options with { ReturnIndicesRankedBy = Enum.Parse<RankBy>(kv[1].Replace("_", string.Empty), ignoreCase: true) },
                "frac_noise" => options with { FracNoise = ReferenceAssert.Parse(kv[1]) },
                "min_examples_per_class" => options with { MinExamplesPerClass = int.Parse(kv[1]) },
                "num_to_remove_per_class" => options,
                _ => throw new InvalidOperationException($"Unknown option in {spec}."),
            };
        }

        return options;
    }
}
