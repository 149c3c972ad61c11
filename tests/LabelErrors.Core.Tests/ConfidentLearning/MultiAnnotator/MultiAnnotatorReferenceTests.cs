using LabelErrors.Core.ConfidentLearning;
using LabelErrors.Core.ConfidentLearning.MultiAnnotator;
using LabelErrors.Core.Formats;
using static LabelErrors.Core.Tests.ConfidentLearning.MultiAnnotator.RepositoryReferences;

namespace LabelErrors.Core.Tests.ConfidentLearning.MultiAnnotator;

/// <summary>
/// Every case under tests/reference/multiannotator against cleanlab 2.9.0's outputs: consensus and majority-vote
/// labels and worst classes identical, scores and weights within 1e-9, the annotator table in the same order.
/// </summary>
public sealed class MultiAnnotatorReferenceTests
{
    private const string Topic = "multiannotator";
    private const double Tolerance = 1e-9;

    public static TheoryData<string> CaseNames() => new(Cases(Topic));

    public static TheoryData<string, ConsensusMethod, QualityMethod> Combinations()
    {
        var data = new TheoryData<string, ConsensusMethod, QualityMethod>();
        foreach (var name in Cases(Topic))
        {
            foreach (var consensus in Enum.GetValues<ConsensusMethod>())
            {
                foreach (var quality in Enum.GetValues<QualityMethod>()) data.Add(name, consensus, quality);
            }
        }

        return data;
    }

    [Fact]
    public void Reference_cases_are_present()
    {
        Assert.True(Cases(Topic).Count() >= 4, "tests/reference/multiannotator should hold the generated cases");
    }

    [Theory]
    [MemberData(nameof(Combinations))]
    public void Label_quality_matches_cleanlab(string name, ConsensusMethod consensus, QualityMethod quality)
    {
        var (labels, predProbs) = Load(name);
        var result = MultiAnnotatorLabelQuality.Get(labels, predProbs, consensus, quality);
        string suffix = Suffix(consensus, quality);

        var rows = Rows(Output(Topic, name, $"label_quality__{suffix}.csv"));
        Assert.Equal(rows.Length, result.ConsensusLabel.Length);
        for (int i = 0; i < rows.Length; i++)
        {
            Assert.True(int.Parse(rows[i][1]) == result.ConsensusLabel[i], $"consensus_label of example {i}: expected {rows[i][1]}, got {result.ConsensusLabel[i]}");
            Close(Number(rows[i][2]), result.ConsensusQualityScore[i], Tolerance, $"consensus_quality_score[{i}]");
            Close(Number(rows[i][3]), result.AnnotatorAgreement[i], Tolerance, $"annotator_agreement[{i}]");
            Assert.Equal(int.Parse(rows[i][4]), result.NumAnnotations[i]);
        }

        var detailed = Rows(Output(Topic, name, $"detailed_label_quality__{suffix}.csv"));
        for (int i = 0; i < detailed.Length; i++)
        {
            for (int j = 0; j < labels.M; j++) Close(Number(detailed[i][j + 1]), result.DetailedLabelQuality(i, j), Tolerance, $"detailed_label_quality[{i},{j}]");
        }

        var stats = Rows(Output(Topic, name, $"annotator_stats__{suffix}.csv"));
        Assert.Equal(stats.Select(r => r[0]), result.AnnotatorStats.Select(s => s.AnnotatorId));
        for (int r = 0; r < stats.Length; r++)
        {
            var actual = result.AnnotatorStats[r];
            Close(Number(stats[r][1]), actual.AnnotatorQuality, Tolerance, $"annotator_quality of {actual.AnnotatorId}");
            Close(Number(stats[r][2]), actual.AgreementWithConsensus, Tolerance, $"agreement_with_consensus of {actual.AnnotatorId}");
            Assert.True(int.Parse(stats[r][3]) == actual.WorstClass, $"worst_class of {actual.AnnotatorId}: expected {stats[r][3]}, got {actual.WorstClass}");
            Assert.Equal(int.Parse(stats[r][4]), actual.NumExamplesLabeled);
        }

        string weightsFile = Output(Topic, name, $"weights__{suffix}.json");
        if (quality == QualityMethod.Crowdlab)
        {
            var weights = System.Text.Json.JsonDocument.Parse(File.ReadAllText(weightsFile)).RootElement;
            Close(Number(weights.GetProperty("model_weight").GetString()!), result.ModelWeight!.Value, Tolerance, "model_weight");
            var expected = weights.GetProperty("annotator_weight").EnumerateArray().Select(e => Number(e.GetString()!)).ToArray();
            Assert.Equal(expected.Length, result.AnnotatorWeight!.Length);
            for (int j = 0; j < expected.Length; j++) Close(expected[j], result.AnnotatorWeight[j], Tolerance, $"annotator_weight[{j}]");
        }
        else
        {
            Assert.Null(result.ModelWeight);
            Assert.False(File.Exists(weightsFile));
        }
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Majority_vote_matches_cleanlab(string name)
    {
        var (labels, predProbs) = Load(name);
        var expected = Rows(Output(Topic, name, "get_majority_vote_label.csv")).Select(r => int.Parse(r[1])).ToArray();
        Assert.Equal(expected, MajorityVote.Labels(labels, predProbs));

        string withoutPredProbs = Output(Topic, name, "get_majority_vote_label__pred_probs=None.csv");
        if (File.Exists(withoutPredProbs))
        {
            var expectedWithout = Rows(withoutPredProbs).Select(r => int.Parse(r[1])).ToArray();
            Assert.Equal(expectedWithout, MajorityVote.Labels(labels));
        }
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Active_learning_scores_match_cleanlab(string name)
    {
        var (labels, predProbs) = Load(name);
        var unlabeled = Npy.ReadPredProbs(Input(Topic, name, "pred_probs_unlabeled.npy"));
        var scores = ActiveLearning.Scores(labels, predProbs, unlabeled);
        // ActiveLab widens float32 pred_probs to float64 where cleanlab temperature-scales them in float32
        double tolerance = predProbs.Precision == FloatPrecision.Float64 ? Tolerance : 1e-6;

        var expected = Rows(Output(Topic, name, "get_active_learning_scores.csv"));
        Assert.Equal(expected.Length, scores.Labeled.Length);
        for (int i = 0; i < expected.Length; i++) Close(Number(expected[i][1]), scores.Labeled[i], tolerance, $"active_learning_scores[{i}]");
        var expectedUnlabeled = Rows(Output(Topic, name, "get_active_learning_scores__unlabeled.csv"));
        Assert.Equal(expectedUnlabeled.Length, scores.Unlabeled.Length);
        for (int i = 0; i < expectedUnlabeled.Length; i++) Close(Number(expectedUnlabeled[i][1]), scores.Unlabeled[i], tolerance, $"active_learning_scores_unlabeled[{i}]");
    }

    internal static (AnnotatorLabels Labels, PredProbs PredProbs) Load(string name) =>
        (AnnotatorLabelsCsv.Read(Input(Topic, name, "labels_multiannotator.csv")).Labels,
         Npy.ReadPredProbs(Input(Topic, name, "pred_probs.npy")));

    private static string Suffix(ConsensusMethod consensus, QualityMethod quality) =>
        $"consensus_method={(consensus == ConsensusMethod.BestQuality ? "best_quality" : "majority_vote")}__quality_method={(quality == QualityMethod.Crowdlab ? "crowdlab" : "agreement")}";
}
