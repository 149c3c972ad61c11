using System.Globalization;
using LabelErrors.Tests.Shared;

namespace LabelErrors.Cli.Tests;

/// <summary>
/// <c>labelerrors multiannotator</c>: its two CSV files equal cleanlab's label_quality and annotator_stats on the
/// committed references (tests/reference/multiannotator), and bad input ends with exit code 2 and one line.
/// </summary>
public sealed class MultiAnnotatorCommandTests : IDisposable
{
    private readonly TempDir _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string Reference(string @case, string folder, string file) =>
        Path.Combine(RepositoryPaths.Root, "tests", "reference", "multiannotator", @case, folder, file);

    [Theory]
    [InlineData("synthetic_N200_M4_K10_sparse", "best_quality")]
    [InlineData("synthetic_N300_M8_K3_ties", "majority_vote")]
    [InlineData("cifar10_mturk", "best_quality")]
    public async Task Files_match_cleanlab(string @case, string consensus)
    {
        string lq = _temp.File("lq.csv"), stats = _temp.File("stats.csv");
        var run = await CliRun.RunAsync("multiannotator",
            "--labels", Reference(@case, "inputs", "labels_multiannotator.csv"),
            "--pred-probs", Reference(@case, "inputs", "pred_probs.npy"),
            "--consensus-method", consensus, "--out", lq, "--annotator-stats", stats);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        string suffix = $"consensus_method={consensus}__quality_method=crowdlab.csv";
        AssertSameTable(Reference(@case, "cleanlab-2.9.0", "label_quality__" + suffix), lq, textColumns: [0, 1, 4]);
        AssertSameTable(Reference(@case, "cleanlab-2.9.0", "annotator_stats__" + suffix), stats, textColumns: [0, 3, 4]);
    }

    [Fact]
    public async Task Without_out_the_label_quality_goes_to_stdout()
    {
        var labels = _temp.File("a.csv", "ann1,ann2,ann3\n0,0,\n1,,1\n0,1,1\n");
        var probs = _temp.File("p.csv", "0.8,0.2\n0.3,0.7\n0.4,0.6\n");

        var run = await CliRun.RunAsync("multiannotator", "--labels", labels, "--pred-probs", probs, "--consensus-method", "majority_vote");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("index,consensus_label,consensus_quality_score,annotator_agreement,num_annotations", run.OutLines[0]);
        Assert.Equal(["0", "1", "1"], run.OutLines.Skip(1).Select(l => l.Split(',')[1]));
        Assert.Equal(["2", "2", "3"], run.OutLines.Skip(1).Select(l => l.Split(',')[4]));
    }

    public static TheoryData<string, string, string> BadInputs() => new()
    {
        { "ragged.csv", "a,b,c\n0,1,1\n1,0\n", "row 3: expected 3 cells as in the header (one per annotator, empty for no label), found 2" },
        { "range.csv", "a,b,c\n0,1,1\n1,0,2\n", "row 3: annotator 'c': label 2 is out of range: pred_probs has 2 classes, so labels must be in 0..1" },
        { "nan.csv", "a,b,c\n0,1,1\n1,nan,0\n", "row 3: column 2 (annotator 'b'): 'nan' is not a class index; leave the cell empty where the annotator gave no label" },
        { "idle.csv", "a,b,c\n0,1,\n1,0,\n", "row 1: annotator 'c' (column 3) labelled no example; remove the column (cleanlab refuses annotators without labels)" },
        { "empty-row.csv", "a,b,c\n0,1,1\n,,\n", "row 3: no annotator labelled this example; every example needs at least one label" },
        { "negative.csv", "a,b,c\n0,1,1\n1,-1,0\n", "row 3: column 2 (annotator 'b'): label -1 is negative; class indices start at 0" },
        { "text.csv", "a,b,c\n0,1,1\n1,cat,0\n", "row 3: column 2 (annotator 'b'): 'cat' is not a class index (a whole number ≥ 0, or empty for no label)" },
        { "single.csv", "a,b\n0,\n,1\n", "every example has only one label; multi-annotator analysis needs examples labelled by several annotators (use find-issues for single labels)" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_annotator_labels_name_file_row_and_problem(string name, string content, string problem)
    {
        var labels = _temp.File(name, content);
        var probs = _temp.File("p.csv", "0.8,0.2\n0.3,0.7\n");

        var run = await CliRun.RunAsync("multiannotator", "--labels", labels, "--pred-probs", probs);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Equal($"labelerrors: {labels}: {problem}{Environment.NewLine}", run.Error);
    }

    [Fact]
    public async Task NaN_in_pred_probs_is_refused_with_its_row()
    {
        var labels = _temp.File("a.csv", "a,b\n0,1\n1,1\n");
        var probs = _temp.File("p.csv", "0.8,0.2\nnan,0.7\n");

        var run = await CliRun.RunAsync("multiannotator", "--labels", labels, "--pred-probs", probs);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"labelerrors: {probs}: row 2: column 0: value nan is not a finite number{Environment.NewLine}", run.Error);
    }

    [Fact]
    public async Task A_different_number_of_examples_is_refused()
    {
        var labels = _temp.File("a.csv", "a,b\n0,1\n1,1\n0,0\n");
        var probs = _temp.File("p.csv", "0.8,0.2\n0.3,0.7\n");

        var run = await CliRun.RunAsync("multiannotator", "--labels", labels, "--pred-probs", probs);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"labelerrors: {probs}: pred_probs has 2 rows but {labels} has 3 examples; both must describe the same examples in the same order{Environment.NewLine}", run.Error);
    }

    /// <summary>Same rows in the same order; text columns identical, the others equal within 1e-9 (empty = NaN).</summary>
    private static void AssertSameTable(string expectedPath, string actualPath, int[] textColumns)
    {
        var expected = File.ReadAllLines(expectedPath);
        var actual = File.ReadAllLines(actualPath);
        Assert.Equal(expected[0], actual[0]);
        Assert.Equal(expected.Length, actual.Length);
        for (int r = 1; r < expected.Length; r++)
        {
            var e = expected[r].Split(',');
            var a = actual[r].Split(',');
            Assert.Equal(e.Length, a.Length);
            for (int c = 0; c < e.Length; c++)
            {
                if (textColumns.Contains(c))
                {
                    Assert.True(e[c] == a[c], $"{actualPath} line {r + 1} column {c + 1}: expected {e[c]}, got {a[c]}");
                    continue;
                }

                if (e[c] == "nan")
                {
                    Assert.True(a[c] == "", $"{actualPath} line {r + 1} column {c + 1}: expected an empty cell (NaN), got {a[c]}");
                    continue;
                }

                double expectedValue = double.Parse(e[c], CultureInfo.InvariantCulture);
                double actualValue = double.Parse(a[c], CultureInfo.InvariantCulture);
                Assert.True(Math.Abs(expectedValue - actualValue) <= 1e-9, $"{actualPath} line {r + 1} column {c + 1}: expected {e[c]}, got {a[c]}");
            }
        }
    }
}
