using System.Globalization;
using System.Text.Json;

namespace LabelErrors.Cli.Tests;

/// <summary>float32 pred_probs stay float32 through the tool, so its output matches cleanlab run on the float32 array.</summary>
public class Float32EndToEndTests
{
    private const string Dataset = "synthetic_N10000_K10_float32";

    [SharedDataFact]
    public async Task Default_issues_and_self_confidence_scores_match_cleanlab_on_float32()
    {
        var run = await CliRun.RunAsync("find-issues",
            "-l", SharedData.Reference($"{Dataset}/inputs/labels.npy"),
            "-p", SharedData.Reference($"{Dataset}/inputs/pred_probs.npy"));

        Assert.Equal(0, run.ExitCode);
        using var reference = JsonDocument.Parse(File.ReadAllText(
            SharedData.Reference($"{Dataset}/cleanlab-2.9.0/find_label_issues__filter_by=prune_by_noise_rate.json")));
        var expected = reference.RootElement.GetProperty("indices").EnumerateArray().Select(e => e.GetInt32());
        var rows = run.CsvRows();
        Assert.Equal(expected, rows.Select(r => int.Parse(r[0], CultureInfo.InvariantCulture)).Order());

        var scores = File.ReadLines(SharedData.Reference($"{Dataset}/cleanlab-2.9.0/get_label_quality_scores__method=self_confidence.csv"))
            .Skip(1).Select(line => line.Split(','))
            .ToDictionary(f => int.Parse(f[0], CultureInfo.InvariantCulture), f => double.Parse(f[1], CultureInfo.InvariantCulture));
        Assert.All(rows, r => Assert.Equal(scores[int.Parse(r[0], CultureInfo.InvariantCulture)], double.Parse(r[3], CultureInfo.InvariantCulture)));
    }
}
