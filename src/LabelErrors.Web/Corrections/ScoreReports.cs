using LabelErrors.Core.Corrections;
using LabelErrors.Core.Scoring;
using LabelErrors.Web.Api.Contracts;

namespace LabelErrors.Web.Corrections;

/// <summary>Scores models on a study test set and ranks them, the study's own model first in the list of candidates.</summary>
public sealed class ScoreReports(StudyModelPredictions studyModel)
{
    /// <summary>The study's model (where released) and the given models, ranked.</summary>
    public IReadOnlyList<RankedModel> Rank(StudyTestSet testSet, CorrectionOptions options, IEnumerable<(string Name, int[] Predictions)> models)
    {
        var set = CorrectionRule.Apply(testSet.Examples, options);
        var scored = new List<(string, ModelScore)>();
        if (studyModel.PredictedLabels(testSet.Slug) is { } study && study.Length == testSet.TestSetSize)
            scored.Add((StudyModelFiles.ModelName, ModelScoring.Score(study, set)));
        foreach (var (name, predictions) in models)
            scored.Add((name, ModelScoring.Score(predictions, set)));
        return ModelRanking.Rank(scored);
    }

    public static ApiScoreReport ToReport(string slug, CorrectionOptions options, IReadOnlyList<RankedModel> ranking) => new(
        slug,
        ToApi(options),
        ranking.Any(r => r.RankChange != 0),
        ranking.Select(r => new ApiModelScore(
            r.Name, r.OriginalRank, r.CorrectedRank, r.RankChange,
            r.Score.Examples, r.Score.AccuracyOriginal, r.Score.KeptExamples, r.Score.AccuracyCorrected,
            r.Score.ValidatedErrors, r.Score.ValidatedAccuracyOriginal, r.Score.ValidatedAccuracyCorrected,
            r.Score.ChangedExamples, r.Score.AgreeWithGiven, r.Score.AgreeWithCorrected)).ToList());

    public static ApiCorrectionOptions ToApi(CorrectionOptions options) => new(
        options.MinAgreement,
        UncorrectableHandlingNames.Format(options.MultiLabel),
        UncorrectableHandlingNames.Format(options.Neither),
        UncorrectableHandlingNames.Format(options.NonAgreement));
}
