using LabelErrors.Core.ConfidentLearning;
using LabelErrors.Core.ConfidentLearning.Streaming;

namespace LabelErrors.Core.Tests.ConfidentLearning.Streaming;

/// <summary>
/// Streaming find_label_issues against every cleanlab 2.9.0 reference file it covers (filter_by=prune_by_noise_rate
/// and the default-filter variants: frac_noise, min_examples_per_class, return_indices_ranked_by), reading the
/// reference .npy inputs from disk, with several block sizes and thread counts.
/// </summary>
public sealed class StreamingReferenceTests
{
    private const string Version = "2.9.0";

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (string dataset in ReferenceData.Datasets(Version))
        {
            foreach (string file in ReferenceData.Files(dataset, Version).Where(IsDefaultFilter)) data.Add(dataset, file);
        }

        return data;
    }

    private static bool IsDefaultFilter(string file) =>
        file.StartsWith("find_label_issues__", StringComparison.Ordinal)
        && !file.Contains("num_to_remove_per_class", StringComparison.Ordinal)
        && (!file.Contains("filter_by=", StringComparison.Ordinal) || file.Contains("filter_by=prune_by_noise_rate", StringComparison.Ordinal));

    [ReferenceTheory]
    [MemberData(nameof(Cases))]
    public void Streaming_output_matches_cleanlab(string dataset, string file)
    {
        var (labels, p) = ReferenceData.Load(dataset, Version);
        string path = ReferenceData.Resolve(dataset, Version, file);
        string spec = Path.GetFileNameWithoutExtension(file)["find_label_issues__".Length..];
        var parts = spec.Split('=', 2);
        var options = parts[0] switch
        {
            "filter_by" => new FindLabelIssuesOptions(),
            "return_indices_ranked_by" => new FindLabelIssuesOptions { ReturnIndicesRankedBy = Enum.Parse<RankBy>(parts[1].Replace("_", string.Empty), ignoreCase: true) },
            "frac_noise" => new FindLabelIssuesOptions { FracNoise = ReferenceAssert.Parse(parts[1]) },
            "min_examples_per_class" => new FindLabelIssuesOptions { MinExamplesPerClass = int.Parse(parts[1]) },
            _ => throw new InvalidOperationException($"Unknown option in {spec}."),
        };
        var expected = ReferenceAssert.Indices(path);
        var inMemory = LabelIssues.Find(labels, p, options);

        using var fromFile = ReferenceData.OpenPredProbsFile(dataset, Version);
        Assert.Equal(p.Precision, fromFile.Precision);
        var sources = new List<(string Name, PredProbsSource Source, StreamingOptions Options)> { ("file", fromFile, new StreamingOptions()) };
        using var inMemorySource = PredProbsSource.FromMemory(p);
        foreach (var setting in StreamingAssert.Settings(p.N)) sources.Add(("memory", inMemorySource, setting));

        foreach (var (name, source, streaming) in sources)
        {
            var actual = StreamingLabelIssues.Find(labels, source, options, streaming);
            var indices = actual.RankedIndices ?? actual.Issues.Select(issue => issue.Index).ToArray();
            ReferenceAssert.SameIndices(expected, indices, $"{spec} ({name}, block {streaming.BlockRows}, {streaming.MaxDegreeOfParallelism} threads)");
            StreamingAssert.SameIssues(labels, p, options, inMemory, actual, name);
        }
    }
}
