using System.Text.Json;
using LabelErrors.Core.ConfidentLearning;
using LabelErrors.Core.ConfidentLearning.Outliers;
using LabelErrors.Core.Formats;
using LabelErrors.Core.Tests.ConfidentLearning.MultiAnnotator;
using static LabelErrors.Core.Tests.ConfidentLearning.MultiAnnotator.RepositoryReferences;

namespace LabelErrors.Core.Tests.ConfidentLearning.Outliers;

/// <summary>
/// tests/reference/outliers against cleanlab 2.9.0: OutOfDistribution scores within 1e-9 (float32 inputs: same
/// float32 values), Datalab's outlier and class_imbalance flags identical. The cifar10 case reads the study's files
/// from shared/data and is skipped without them.
/// </summary>
public sealed class OutlierReferenceTests
{
    private const string Topic = "outliers";

    public static TheoryData<string> CaseNames() => new(Cases(Topic));

    [Fact]
    public void Reference_cases_are_present()
    {
        Assert.True(Cases(Topic).Count() >= 5, "tests/reference/outliers should hold the generated cases");
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Scores_and_flags_match_cleanlab(string name)
    {
        if (Load(name) is not var (labels, predProbs)) return; // the study's data is absent here
        var summary = JsonDocument.Parse(File.ReadAllText(Output(Topic, name, "summary.json"))).RootElement;
        double tolerance = predProbs.Precision == FloatPrecision.Float64 ? 1e-9 : 1e-7;

        var scores = OutOfDistribution.Scores(labels, predProbs);
        string oodFile = Output(Topic, name, "ood_scores.csv");
        string issuesFile = Output(Topic, name, "outlier_issues.csv");
        var expected = Rows(File.Exists(oodFile) ? oodFile : issuesFile);
        Assert.Equal(expected.Length, scores.Length);
        for (int i = 0; i < scores.Length; i++) Close(Number(expected[i][1]), scores[i], tolerance, $"score[{i}]");

        if (!File.Exists(issuesFile)) return; // Datalab's checks need every class present (see generate.py)
        var issues = OutlierIssues.Find(labels, predProbs);
        Assert.Equal(scores, issues.Scores);
        Close(Number(summary.GetProperty("outlier_issue_threshold").GetString()!), issues.IssueThreshold, tolerance, "issue_threshold");
        var expectedFlags = expected.Select(r => r[2] == "true").ToArray();
        Assert.Equal(Indices(expectedFlags), Indices(issues.IsOutlier));
        Assert.Equal(summary.GetProperty("outlier_count").GetInt32(), issues.IsOutlier.Count(f => f));

        var imbalance = ClassImbalance.Find(labels);
        var expectedImbalance = Rows(Output(Topic, name, "class_imbalance.csv"));
        Assert.Equal(Indices(expectedImbalance.Select(r => r[2] == "true").ToArray()), Indices(imbalance.IsIssue));
        for (int i = 0; i < expectedImbalance.Length; i++) Close(Number(expectedImbalance[i][1]), imbalance.Scores[i], 1e-15, $"class_imbalance score[{i}]");
        var rarest = summary.GetProperty("class_imbalance_rarest_class");
        Assert.Equal(rarest.ValueKind == JsonValueKind.Number ? rarest.GetInt32() : -1, imbalance.Imbalanced ? imbalance.RarestClass : -1);
    }

    private static int[] Indices(bool[] flags) => Enumerable.Range(0, flags.Length).Where(i => flags[i]).ToArray();

    private static (int[] Labels, PredProbs PredProbs)? Load(string name)
    {
        string labels = Input(Topic, name, "labels.npy");
        if (File.Exists(labels)) return (Npy.ReadLabels(labels), Npy.ReadPredProbs(Input(Topic, name, "pred_probs.npy")));
        if (SharedData.Root is null) return null;
        return (Npy.ReadLabels(SharedData.LabelErrors($"original_test_labels/{name}_test_set_original_labels.npy")),
                Npy.ReadPredProbs(SharedData.LabelErrors($"cross_validated_predicted_probabilities/{name}_test_set_pyx.npy")));
    }
}
