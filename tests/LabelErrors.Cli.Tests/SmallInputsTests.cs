using System.Text.Json;
using LabelErrors.Core.ConfidentLearning;
using LabelErrors.Core.Formats;

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

    [Fact]
    public async Task Tiny_scores_use_a_lowercase_exponent()
    {
        var labels = _temp.File("labels.csv", "0\n1\n");
        var probs = _temp.File("probs.csv", "0.00001,0.99999\n0.5,0.5\n");

        var run = await CliRun.RunAsync("find-issues", "-l", labels, "-p", probs, "--filter-by", "predicted_neq_given");

        Assert.Equal(["index,given_label,suggested_label,label_quality", "0,0,1,1e-05"], run.OutLines);
    }

    [Fact]
    public async Task Health_with_class_names_equals_the_core_summary()
    {
        var names = _temp.File("names.json", "[\"cat\", \"dog\", \"bird\"]");
        var labels = _temp.File("labels.csv", "cat\ndog\nbird\ncat\ndog\nbird\ncat\n");
        var probs = _temp.File("probs.csv", "0.8,0.1,0.1\n0.1,0.8,0.1\n0.1,0.1,0.8\n0.7,0.2,0.1\n0.6,0.3,0.1\n0.2,0.1,0.7\n0.1,0.1,0.8\n");

        var run = await CliRun.RunAsync("health", "-l", labels, "-p", probs, "--class-names", names, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var summary = DatasetHealth.HealthSummary(LabelsCsv.Read(labels, ["cat", "dog", "bird"]).Labels,
            PredProbsCsv.Read(probs).Matrix);
        using var doc = JsonDocument.Parse(run.Out);
        Assert.Equal(summary.OverallLabelHealthScore, doc.RootElement.GetProperty("overall_label_health_score").GetDouble());
        var classes = doc.RootElement.GetProperty("classes_by_label_quality").EnumerateArray().ToArray();
        Assert.Equal(summary.ClassesByLabelQuality.Select(c => c.ClassIndex), classes.Select(c => c.GetProperty("class").GetInt32()));
        Assert.Equal(summary.ClassesByLabelQuality.Select(c => new[] { "cat", "dog", "bird" }[c.ClassIndex]),
            classes.Select(c => c.GetProperty("class_name").GetString()));
        Assert.Equal(summary.ClassesByLabelQuality.Select(c => c.LabelNoise), classes.Select(c => c.GetProperty("label_noise").GetDouble()));
    }
}
