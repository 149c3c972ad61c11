using System.Text.Json;

namespace LabelErrors.Cli.Tests;

/// <summary>End-to-end runs on tiny hand-made inputs whose answers can be worked out by hand.</summary>
public sealed class SmallInputsTests : IDisposable
{
    private readonly TempDir _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Class_name_labels_and_names_in_the_output_with_csv_quoting()
    {
        var names = _temp.File("names.txt", "cat\ndog, large\nbird\n");
        var labels = _temp.File("labels.csv", "label\ncat\n\"dog, large\"\nbird\ncat\n");
        var probs = _temp.File("probs.csv", "cat,dog,bird\n0.8,0.1,0.1\n0.1,0.8,0.1\n0.1,0.1,0.8\n0.1,0.7,0.2\n");

        var run = await CliRun.RunAsync("find-issues", "-l", labels, "-p", probs, "--class-names", names, "--filter-by", "predicted_neq_given");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["index,given_label,suggested_label,label_quality", "3,cat,\"dog, large\",0.1"], run.OutLines);
    }

    [Fact]
    public async Task Missing_class_is_a_warning_on_stderr_not_an_error()
    {
        var labels = _temp.File("labels.csv", "0\n2\n0\n");
        var probs = _temp.File("probs.csv", "0.8,0.1,0.1\n0.1,0.1,0.8\n0.1,0.1,0.8\n");

        var run = await CliRun.RunAsync("find-issues", "-l", labels, "-p", probs, "--filter-by", "predicted_neq_given", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"labelerrors: warning: {labels}: class 1 has no examples" + Environment.NewLine, run.Error);
        using var doc = JsonDocument.Parse(run.Out);
        var only = Assert.Single(doc.RootElement.EnumerateArray());
        Assert.Equal((2, 0, 2, 0.1), (only.GetProperty("index").GetInt32(), only.GetProperty("given_label").GetInt32(),
            only.GetProperty("suggested_label").GetInt32(), only.GetProperty("label_quality").GetDouble()));
    }

    [Fact]
    public async Task Rank_by_changes_the_label_quality_column()
    {
        var labels = _temp.File("labels.csv", "0\n1\n0\n1\n");
        var probs = _temp.File("probs.csv", "0.9,0.1\n0.2,0.8\n0.3,0.7\n0.6,0.4\n");

        var run = await CliRun.RunAsync("find-issues", "-l", labels, "-p", probs, "--filter-by", "predicted_neq_given", "--rank-by", "normalized_margin");

        Assert.Equal(0, run.ExitCode);
        // normalized margin = (p[given] - max other + 1) / 2: row 2 → (0.3 - 0.7 + 1)/2 = 0.3, row 3 → (0.4 - 0.6 + 1)/2 = 0.4.
        var rows = run.CsvRows();
        Assert.Equal(["2", "3"], rows.Select(r => r[0]));
        Assert.Equal(0.3, double.Parse(rows[0][3], System.Globalization.CultureInfo.InvariantCulture), 12);
        Assert.Equal(0.4, double.Parse(rows[1][3], System.Globalization.CultureInfo.InvariantCulture), 12);
    }

    [Fact]
    public async Task Help_succeeds_and_lists_the_commands()
    {
        var run = await CliRun.RunAsync("--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("find-issues", run.Out);
        Assert.Contains("health", run.Out);
        Assert.Contains("paper", run.Out);
    }
}
