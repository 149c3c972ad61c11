using System.Text.Json;
using LabelErrors.Core.ConfidentLearning;
using LabelErrors.Core.ConfidentLearning.MultiLabel;
using LabelErrors.Core.Formats;
using LabelErrors.Core.Tests.ConfidentLearning.Float16;

namespace LabelErrors.Core.Tests.ConfidentLearning.MultiLabel;

/// <summary>
/// Multi-label functions against cleanlab 2.9.0 (<c>tests/reference/multilabel</c>): masks and ranked lists
/// identical (stable tie rule), scores within 1e-9 (float64 inputs) or identical (float32/float16 inputs, whose
/// per-class scores are exact widenings).
/// </summary>
public sealed class MultiLabelReferenceTests
{
    private const string Group = "multilabel";

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (string set in RepositoryReference.Sets(Group))
        {
            foreach (string file in RepositoryReference.Files(Group, set)) data.Add(set, file);
        }

        return data;
    }

    internal static (MultiLabels Labels, PredProbs PredProbs) Load(string set)
    {
        string inputs = Path.Combine(RepositoryReference.Directory, Group, set, "inputs");
        var rows = JsonSerializer.Deserialize<int[][]>(File.ReadAllText(Path.Combine(inputs, "labels.json")))!;
        return (MultiLabels.From(rows), Npy.ReadPredProbs(Path.Combine(inputs, "pred_probs.npy")));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_cleanlab(string set, string file)
    {
        var (labels, p) = Load(set);
        string path = RepositoryReference.PathOf(Group, set, file);
        string spec = Path.GetFileNameWithoutExtension(file);
        double tolerance = p.Precision == FloatPrecision.Float64 ? 1e-9 : 0;
        if (spec.StartsWith("get_label_quality_scores", StringComparison.Ordinal))
        {
            var parts = spec.Split("__");
            var method = Float16ReferenceTests.ParseMethod(parts[1]["method=".Length..]);
            bool adjust = parts.Length > 2 && parts[2] == "adjust_pred_probs=True";
            var lines = File.ReadAllLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).Skip(1).Select(l => l.Split(',')).ToArray();
            bool perClass = parts[0] == "get_label_quality_scores_per_class";
            var actual = perClass ? MultiLabelQuality.ScoresPerClass(labels, p, method, adjust) : MultiLabelQuality.Scores(labels, p, method, adjust);
            int width = perClass ? p.K : 1;
            Assert.Equal(lines.Length * width, actual.Length);
            for (int i = 0; i < lines.Length; i++)
            {
                for (int c = 0; c < width; c++) ReferenceAssert.Close(ReferenceAssert.Parse(lines[i][c + 1]), actual[i * width + c], tolerance, $"{spec}[{i},{c}]");
            }

            return;
        }

        var json = ReferenceAssert.Json(path);
        bool isPerClass = spec.StartsWith("find_multilabel_issues_per_class", StringComparison.Ordinal);
        string optionSpec = spec.Contains("__", StringComparison.Ordinal) ? spec[(spec.IndexOf("__", StringComparison.Ordinal) + 2)..] : string.Empty;
        var options = optionSpec.Length == 0 ? new FindLabelIssuesOptions() : Float16ReferenceTests.ParseOptions(optionSpec);
        if (optionSpec.Contains("num_to_remove_per_class", StringComparison.Ordinal))
        {
            options = options with { NumToRemovePerClass = [.. Enumerable.Range(0, p.K).Select(c => c % 4 + 1)] };
        }

        if (json.TryGetProperty("error", out var error))
        {
            var thrown = Assert.Throws<ArgumentException>(() => MultiLabelIssues.Find(labels, p, options));
            Assert.Contains("at least 2 classes", thrown.Message, StringComparison.Ordinal);
            Assert.Contains("at least 2 classes", error.GetString()!, StringComparison.Ordinal);
            return;
        }

        if (isPerClass)
        {
            var expected = json.GetProperty("per_class").EnumerateArray().Select(a => a.EnumerateArray().Select(e => e.GetInt32()).ToArray()).ToArray();
            var result = MultiLabelIssues.FindPerClass(labels, p, options);
            Assert.Equal(expected.Length, result.IssuesByClass.Count);
            for (int c = 0; c < expected.Length; c++) ReferenceAssert.SameIndices(expected[c], result.IssuesByClass[c], $"{spec} class {c}");
            return;
        }

        var found = MultiLabelIssues.Find(labels, p, options);
        var got = found.RankedIndices ?? [.. Enumerable.Range(0, labels.Count).Where(i => found.Mask[i])];
        ReferenceAssert.SameIndices(ReferenceAssert.Indices(path), got, spec);
    }
}
