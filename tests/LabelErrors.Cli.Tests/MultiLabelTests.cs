using System.Globalization;
using System.Text.Json;

namespace LabelErrors.Cli.Tests;

/// <summary>
/// The multi-label CLI contract: <c>find-issues --task multi-label</c> and <c>scores</c> against the cleanlab 2.9.0
/// references in tests/reference, the two label file formats, and bad input (exit 2, one line naming file and row).
/// </summary>
public sealed class MultiLabelTests : IDisposable
{
    private readonly TempDir _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string Reference(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "LabelErrors.Web.sln"))) dir = dir.Parent;
        return Path.Combine([dir!.FullName, "tests", "reference", .. parts]);
    }

    private static string Set(string name, string file) => Reference("multilabel", name, file);

    private static int[] ExpectedIndices(string path) =>
        [.. JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("indices").EnumerateArray().Select(e => e.GetInt32())];

    private static double[] ReferenceScores(string path) =>
        [.. File.ReadAllLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).Skip(1).Select(l => double.Parse(l.Split(',')[1], CultureInfo.InvariantCulture))];

    [Theory]
    [InlineData("synthetic_N400_K4_float64", null, "find_label_issues__filter_by=prune_by_noise_rate.json")]
    [InlineData("synthetic_N2000_K12_float32", "normalized_margin", "find_label_issues__return_indices_ranked_by=normalized_margin.json")]
    [InlineData("synthetic_N1500_K8_float16", "confidence_weighted_entropy", "find_label_issues__return_indices_ranked_by=confidence_weighted_entropy.json")]
    public async Task Find_issues_lists_cleanlabs_issues(string set, string? rankBy, string reference)
    {
        string output = _temp.File("issues.csv");
        string[] args = ["find-issues", "--task", "multi-label", "--labels", Set(set, "inputs/labels.json"), "--pred-probs", Set(set, "inputs/pred_probs.npy"), "--out", output];
        var run = await CliRun.RunAsync(rankBy is null ? args : [.. args, "--rank-by", rankBy]);

        Assert.Equal(0, run.ExitCode);
        var lines = File.ReadAllLines(output);
        Assert.Equal("index,given_labels,predicted_labels,label_quality", lines[0]);
        var indices = lines.Skip(1).Select(l => int.Parse(l.Split(',')[0], CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(ExpectedIndices(Set(set, reference)), indices);

        // label_quality is the multi-label score of --rank-by (self_confidence when not given)
        var scores = ReferenceScores(Set(set, $"get_label_quality_scores__method={rankBy ?? "self_confidence"}.csv"));
        foreach (var line in lines.Skip(1).Take(50))
        {
            var fields = line.Split(',');
            Assert.Equal(scores[int.Parse(fields[0], CultureInfo.InvariantCulture)], double.Parse(fields[3], CultureInfo.InvariantCulture), 1e-12);
        }
    }

    [Fact]
    public async Task Text_labels_give_the_same_result_as_json()
    {
        const string set = "synthetic_N400_K4_float64";
        var rows = JsonSerializer.Deserialize<int[][]>(File.ReadAllText(Set(set, "inputs/labels.json")))!;
        Assert.Contains(rows, r => r.Length == 0); // empty lines are part of the test
        string text = _temp.File("labels.txt", string.Concat(rows.Select(r => string.Join(",", r) + "\n")));
        string[] common = ["--task", "multi-label", "--pred-probs", Set(set, "inputs/pred_probs.npy"), "--filter-by", "both", "--rank-by", "self_confidence"];

        var fromJson = await CliRun.RunAsync(["find-issues", "--labels", Set(set, "inputs/labels.json"), .. common]);
        var fromText = await CliRun.RunAsync(["find-issues", "--labels", text, .. common]);

        Assert.Equal(0, fromText.ExitCode);
        Assert.Equal(fromJson.Out, fromText.Out);
        var indices = fromText.OutLines.Skip(1).Select(l => int.Parse(l.Split(',')[0], CultureInfo.InvariantCulture));
        Assert.Equal(ExpectedIndices(Set(set, "find_label_issues__filter_by=both.json")).Order(), indices.Order());
    }

    [Theory]
    [InlineData("synthetic_N2000_K12_float64", "normalized_margin", false)]
    [InlineData("synthetic_N400_K4_float64", "self_confidence", true)]
    [InlineData("synthetic_N1500_K8_float16", "confidence_weighted_entropy", false)]
    public async Task Multi_label_scores_are_cleanlabs(string set, string method, bool adjust)
    {
        string[] args = ["scores", "--task", "multi-label", "--labels", Set(set, "inputs/labels.json"), "--pred-probs", Set(set, "inputs/pred_probs.npy"), "--method", method];
        var run = await CliRun.RunAsync(adjust ? [.. args, "--adjust-pred-probs"] : args);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("index,score", run.OutLines[0]);
        var expected = ReferenceScores(Set(set, $"get_label_quality_scores__method={method}{(adjust ? "__adjust_pred_probs=True" : "")}.csv"));
        var rows = run.OutLines.Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.Equal(expected.Length, rows.Length);
        for (int i = 0; i < rows.Length; i++)
        {
            Assert.Equal(i.ToString(CultureInfo.InvariantCulture), rows[i][0]);
            Assert.True(Math.Abs(expected[i] - double.Parse(rows[i][1], CultureInfo.InvariantCulture)) <= 1e-9, $"row {i}");
        }
    }

    [Fact]
    public async Task Multi_class_scores_of_float16_input_are_cleanlabs_to_the_bit()
    {
        string dir = Reference("float16", "cifar10");
        var run = await CliRun.RunAsync("scores", "--labels", Path.Combine(dir, "inputs", "labels.npy"), "--pred-probs", Path.Combine(dir, "inputs", "pred_probs.npy"),
            "--method", "confidence_weighted_entropy", "--out", _temp.File("scores.csv"));

        Assert.Equal(0, run.ExitCode);
        var got = File.ReadAllLines(_temp.File("scores.csv")).Skip(1).Select(l => double.Parse(l.Split(',')[1], CultureInfo.InvariantCulture));
        Assert.Equal(ReferenceScores(Path.Combine(dir, "get_label_quality_scores__method=confidence_weighted_entropy.csv")), got);
    }

    private async Task AssertBadInput(string expectedError, params string[] args)
    {
        var run = await CliRun.RunAsync(args);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Equal(expectedError + Environment.NewLine, run.Error);
    }

    private string Probs => _temp.File("probs.csv", "0.9,0.1,0.3\n0.2,0.8,0.5\n0.6,0.4,0.1\n");

    [Fact]
    public Task Ragged_json_lists_are_refused()
    {
        string labels = _temp.File("labels.json", "[[0, 1], 2, [1]]");
        return AssertBadInput($"labelerrors: {labels}: row 1: expected an array of class ids, found 2",
            "find-issues", "--task", "multi-label", "-l", labels, "-p", Probs);
    }

    [Fact]
    public Task Class_ids_out_of_range_are_refused()
    {
        string labels = _temp.File("labels.txt", "0,1\n\n1,5\n");
        return AssertBadInput($"labelerrors: {labels}: row 3: class id 5 is out of range: pred_probs has 3 classes, so class ids must be in 0..2",
            "scores", "--task", "multi-label", "-l", labels, "-p", Probs);
    }

    [Fact]
    public Task Nan_in_pred_probs_is_refused()
    {
        string labels = _temp.File("labels.txt", "0,1\n\n2\n");
        string probs = _temp.File("nan.csv", "0.9,0.1,0.3\n0.2,nan,0.5\n0.6,0.4,0.1\n");
        return AssertBadInput($"labelerrors: {probs}: row 2: column 1: value NaN is not a finite number",
            "find-issues", "--task", "multi-label", "-l", labels, "-p", probs);
    }

    [Fact]
    public Task A_word_in_a_text_labels_file_is_refused()
    {
        string labels = _temp.File("labels.txt", "0,1\ncat\n2\n");
        return AssertBadInput($"labelerrors: {labels}: row 2: 'cat' is not a class id (a non-negative integer; class ids are separated by commas)",
            "find-issues", "--task", "multi-label", "-l", labels, "-p", Probs);
    }

    [Fact]
    public Task A_different_number_of_examples_is_refused()
    {
        string labels = _temp.File("labels.json", "[[0], [1]]");
        return AssertBadInput($"labelerrors: {Probs}: pred_probs has 3 rows but {labels} has 2 examples; both must describe the same examples in the same order",
            "scores", "--task", "multi-label", "-l", labels, "-p", Probs);
    }

    [Fact]
    public async Task Scores_of_ordinary_multi_class_data_cover_every_example()
    {
        string labels = _temp.File("labels.csv", "0\n1\n1\n");
        string probs = _temp.File("p2.csv", "0.9,0.1\n0.2,0.8\n0.6,0.4\n");

        var run = await CliRun.RunAsync("scores", "-l", labels, "-p", probs, "--method", "normalized_margin");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["index,score", "0,0.9", "1,0.8", "2,0.4"], run.OutLines);
    }
}
