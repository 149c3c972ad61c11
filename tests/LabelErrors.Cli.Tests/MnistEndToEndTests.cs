using System.Globalization;
using System.Text.Json;
using LabelErrors.Core.ConfidentLearning;
using LabelErrors.Core.Formats;

namespace LabelErrors.Cli.Tests;

/// <summary>The tool on the study's MNIST files, compared with the core library and with cleanlab 2.9.0's outputs.</summary>
public class MnistEndToEndTests
{
    private static int[] ReferenceIndices(string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(SharedData.Reference($"mnist/cleanlab-2.9.0/{file}")));
        return doc.RootElement.GetProperty("indices").EnumerateArray().Select(e => e.GetInt32()).ToArray();
    }

    private static double Parse(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    [SharedDataFact]
    public async Task Find_issues_rows_equal_what_the_core_gives()
    {
        var run = await CliRun.RunAsync("find-issues", "--labels", SharedData.MnistLabels, "--pred-probs", SharedData.MnistPredProbs);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        var labels = Npy.ReadLabels(SharedData.MnistLabels);
        var matrix = Npy.ReadPredProbs(SharedData.MnistPredProbs);
        var predProbs = matrix;
        var expected = LabelIssues.Find(labels, predProbs, new FindLabelIssuesOptions { ReturnIndicesRankedBy = RankBy.SelfConfidence });
        var scores = LabelQuality.Scores(labels, predProbs, ScoreMethod.SelfConfidence);

        var rows = run.CsvRows();
        Assert.Equal(expected.RankedIndices!.Length, rows.Length);
        for (var r = 0; r < rows.Length; r++)
        {
            var i = expected.RankedIndices[r];
            Assert.Equal(i, int.Parse(rows[r][0], CultureInfo.InvariantCulture));
            Assert.Equal(labels[i], int.Parse(rows[r][1], CultureInfo.InvariantCulture));
            Assert.Equal(Enumerable.Range(0, 10).MaxBy(c => matrix[i, c]), int.Parse(rows[r][2], CultureInfo.InvariantCulture));
            Assert.Equal(scores[i], Parse(rows[r][3]));
            Assert.Equal(matrix[i, labels[i]], Parse(rows[r][3])); // self-confidence is p[i, given]
        }
    }

    [SharedDataTheory]
    [InlineData("self_confidence")]
    [InlineData("normalized_margin")]
    [InlineData("confidence_weighted_entropy")]
    public async Task Ranked_indices_match_cleanlab(string rankBy)
    {
        var run = await CliRun.RunAsync("find-issues", "-l", SharedData.MnistLabels, "-p", SharedData.MnistPredProbs, "--rank-by", rankBy);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(ReferenceIndices($"find_label_issues__return_indices_ranked_by={rankBy}.json"),
            run.CsvRows().Select(r => int.Parse(r[0], CultureInfo.InvariantCulture)));
    }

    [SharedDataTheory]
    [InlineData("prune_by_class")]
    [InlineData("both")]
    [InlineData("confident_learning")]
    [InlineData("predicted_neq_given")]
    [InlineData("low_self_confidence")]
    public async Task Filter_by_selects_the_same_examples_as_cleanlab(string filterBy)
    {
        var run = await CliRun.RunAsync("find-issues", "-l", SharedData.MnistLabels, "-p", SharedData.MnistPredProbs, "--filter-by", filterBy);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(ReferenceIndices($"find_label_issues__filter_by={filterBy}.json"),
            run.CsvRows().Select(r => int.Parse(r[0], CultureInfo.InvariantCulture)).Order());
    }

    [SharedDataFact]
    public async Task Frac_noise_and_min_examples_are_passed_to_the_algorithm()
    {
        var half = await CliRun.RunAsync("find-issues", "-l", SharedData.MnistLabels, "-p", SharedData.MnistPredProbs, "--frac-noise", "0.5");
        var minFive = await CliRun.RunAsync("find-issues", "-l", SharedData.MnistLabels, "-p", SharedData.MnistPredProbs, "--min-examples-per-class", "5");

        Assert.Equal(ReferenceIndices("find_label_issues__frac_noise=0.5.json"), half.CsvRows().Select(r => int.Parse(r[0], CultureInfo.InvariantCulture)).Order());
        Assert.Equal(ReferenceIndices("find_label_issues__min_examples_per_class=5.json"), minFive.CsvRows().Select(r => int.Parse(r[0], CultureInfo.InvariantCulture)).Order());
    }

    [SharedDataFact]
    public async Task Json_output_with_class_names_and_out_file()
    {
        using var temp = new TempDir();
        var names = temp.File("names.json", "[\"zero\",\"one\",\"two\",\"three\",\"four\",\"five\",\"six\",\"seven\",\"eight\",\"nine\"]");
        var outPath = temp.File("issues.json");

        var run = await CliRun.RunAsync("find-issues", "-l", SharedData.MnistLabels, "-p", SharedData.MnistPredProbs,
            "--class-names", names, "--format", "json", "--out", outPath);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Out);
        using var doc = JsonDocument.Parse(File.ReadAllText(outPath));
        var first = doc.RootElement[0];
        Assert.Equal(ReferenceIndices("find_label_issues__return_indices_ranked_by=self_confidence.json").Length, doc.RootElement.GetArrayLength());
        Assert.Equal(2597, first.GetProperty("index").GetInt32());
        Assert.Equal("five", first.GetProperty("given_label").GetString());
        Assert.Equal("three", first.GetProperty("suggested_label").GetString());
    }

    [SharedDataFact]
    public async Task Health_reports_cleanlabs_overall_score_and_every_class()
    {
        var run = await CliRun.RunAsync("health", "-l", SharedData.MnistLabels, "-p", SharedData.MnistPredProbs, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var reference = JsonDocument.Parse(File.ReadAllText(SharedData.Reference("mnist/cleanlab-2.9.0/dataset.overall_label_health_score.json")));
        using var doc = JsonDocument.Parse(run.Out);
        Assert.Equal(Parse(reference.RootElement.GetProperty("value").GetString()!),
            doc.RootElement.GetProperty("overall_label_health_score").GetDouble(), 4);
        Assert.Equal(Enumerable.Range(0, 10),
            doc.RootElement.GetProperty("classes_by_label_quality").EnumerateArray().Select(c => c.GetProperty("class").GetInt32()).Order());
    }

    [SharedDataFact]
    public async Task Health_text_table_lists_classes_and_the_score()
    {
        var run = await CliRun.RunAsync("health", "-l", SharedData.MnistLabels, "-p", SharedData.MnistPredProbs);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("class", run.OutLines[0]);
        Assert.Equal(1 + 10 + 1, run.OutLines.Length);
        Assert.Equal("overall_label_health_score: 0.9985", run.OutLines[^1]);
    }

    [SharedDataFact]
    public async Task Paper_selection_equals_the_core_selection()
    {
        var run = await CliRun.RunAsync("paper", "--dataset", "mnist", "-l", SharedData.MnistLabels, "-p", SharedData.MnistPredProbs);

        Assert.Equal(0, run.ExitCode);
        var labels = Npy.ReadLabels(SharedData.MnistLabels);
        var predProbs = Npy.ReadPredProbs(SharedData.MnistPredProbs);
        var expected = PaperSelection.Select("mnist", labels, predProbs);
        var margins = LabelQuality.Scores(labels, predProbs, ScoreMethod.NormalizedMargin);

        var rows = run.CsvRows();
        Assert.Equal(expected, rows.Select(r => int.Parse(r[0], CultureInfo.InvariantCulture)));
        Assert.All(rows, r => Assert.Equal(margins[int.Parse(r[0], CultureInfo.InvariantCulture)], Parse(r[3])));
    }

    [SharedDataFact]
    public async Task Paper_accepts_the_raw_imdb_pred_probs_the_study_used()
    {
        var labelsPath = SharedData.LabelErrors("original_test_labels/imdb_test_set_original_labels.npy");
        var probsPath = SharedData.LabelErrors("cross_validated_predicted_probabilities/imdb_test_set_pyx.npy");

        var run = await CliRun.RunAsync("paper", "--dataset", "imdb", "-l", labelsPath, "-p", probsPath);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        var expected = PaperSelection.Select("imdb", Npy.ReadLabels(labelsPath), Npy.ReadPredProbs(probsPath));
        Assert.Equal(expected, run.CsvRows().Select(r => int.Parse(r[0], CultureInfo.InvariantCulture)));
    }

    [SharedDataFact]
    public async Task Find_issues_refuses_the_raw_imdb_pred_probs_and_suggests_renormalize()
    {
        var probsPath = SharedData.LabelErrors("cross_validated_predicted_probabilities/imdb_test_set_pyx.npy");

        var run = await CliRun.RunAsync("find-issues", "-l", SharedData.LabelErrors("original_test_labels/imdb_test_set_original_labels.npy"), "-p", probsPath);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"labelerrors: {probsPath}: row 13: column 0: probability 1.0000011920928955 is greater than 1; --renormalize divides each row by its sum" + Environment.NewLine, run.Error);
    }
}
