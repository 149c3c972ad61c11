using System.Globalization;
using LabelErrors.Tests.Shared;

namespace LabelErrors.Cli.Tests;

/// <summary><c>labelerrors outliers</c>: every example's score and flag, equal to cleanlab's on the committed references.</summary>
public sealed class OutliersCommandTests : IDisposable
{
    private readonly TempDir _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string Reference(string @case, string folder, string file) =>
        Path.Combine(RepositoryPaths.Root, "tests", "reference", "outliers", @case, folder, file);

    [Theory]
    [InlineData("synthetic_N1000_K5_float64")]
    [InlineData("synthetic_N1000_K5_float32")]
    [InlineData("synthetic_N301_K3_ties")]
    public async Task Output_matches_cleanlab(string @case)
    {
        string output = _temp.File("o.csv");
        var run = await CliRun.RunAsync("outliers",
            "--labels", Reference(@case, "inputs", "labels.npy"),
            "--pred-probs", Reference(@case, "inputs", "pred_probs.npy"),
            "--out", output);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        var expected = File.ReadAllLines(Reference(@case, "cleanlab-2.9.0", "outlier_issues.csv"));
        var actual = File.ReadAllLines(output);
        Assert.Equal("index,score,is_outlier", actual[0]);
        Assert.Equal(expected.Length, actual.Length);
        for (int r = 1; r < expected.Length; r++)
        {
            var e = expected[r].Split(',');
            var a = actual[r].Split(',');
            Assert.Equal(e[0], a[0]);
            Assert.True(e[2] == a[2], $"line {r + 1}: is_outlier expected {e[2]}, got {a[2]}");
            double difference = Math.Abs(double.Parse(e[1], CultureInfo.InvariantCulture) - double.Parse(a[1], CultureInfo.InvariantCulture));
            Assert.True(difference <= 1e-9, $"line {r + 1}: score expected {e[1]}, got {a[1]}");
        }
    }

    [Fact]
    public async Task A_label_out_of_range_is_refused_with_its_row()
    {
        var labels = _temp.File("l.csv", "0\n1\n2\n");
        var probs = _temp.File("p.csv", "0.8,0.2\n0.3,0.7\n0.5,0.5\n");

        var run = await CliRun.RunAsync("outliers", "--labels", labels, "--pred-probs", probs);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Equal($"labelerrors: {labels}: row 3: label 2 is out of range: pred_probs has 2 classes, so labels must be in 0..1{Environment.NewLine}", run.Error);
    }
}
