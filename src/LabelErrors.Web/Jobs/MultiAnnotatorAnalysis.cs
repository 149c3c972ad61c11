using LabelErrors.Core.ConfidentLearning;
using LabelErrors.Core.ConfidentLearning.MultiAnnotator;
using LabelErrors.Web.Uploads;
using LabelErrors.Web.Uploads.Annotators;

namespace LabelErrors.Web.Jobs;

/// <summary>
/// The job of a multi-annotator upload: cleanlab's <c>get_label_quality_multiannotator</c> (CROWDLAB quality, the
/// upload's consensus method) on the annotations CSV and pred_probs, as the CLI's <c>multiannotator</c> runs it, mapped
/// onto the example columns every gallery reads (docs/api.md, "Multi-annotator uploads"):
/// <list type="bullet">
/// <item>given label = the consensus label; label quality = the consensus quality score;</item>
/// <item>predicted (suggested) label = the model's argmax; normalized margin = of the consensus label under pred_probs;</item>
/// <item>flagged = the annotators did not all choose the consensus, or the model prefers another class; the issue rank
/// orders the flagged examples by lowest consensus quality (ties by index).</item>
/// </list>
/// The dataset's health summary is cleanlab's, computed on the consensus labels.
/// </summary>
public static class MultiAnnotatorAnalysis
{
    public static async Task<AnalysisResult> RunAsync(UploadFiles files, AnalysisOptions analysis, JobReporter reporter, TimeSpan stageDelay, CancellationToken cancellationToken)
    {
        await EnterAsync(reporter, JobStage.Validating, stageDelay, cancellationToken);
        var inputs = AnnotatorUploadInputs.Read(files.LabelsPath, files.LabelsDisplayName, files.PredProbsPath, files.PredProbsDisplayName,
            files.ClassNamesPath, files.ClassNamesDisplayName, cancellationToken);
        var labels = inputs.Labels.Labels;
        var predProbs = inputs.PredProbs;

        // The stages keep the names every upload's progress bar shows.
        await EnterAsync(reporter, JobStage.ConfidentJoint, stageDelay, cancellationToken);
        var result = await Task.Run(() => MultiAnnotatorLabelQuality.Get(labels, predProbs, AnnotatorUploadOptions.ToCore(analysis.ConsensusMethod)), cancellationToken);
        var consensus = result.ConsensusLabel;

        await EnterAsync(reporter, JobStage.Pruning, stageDelay, cancellationToken);
        var health = await Task.Run(() => DatasetHealth.HealthSummary(consensus, predProbs), cancellationToken);

        await EnterAsync(reporter, JobStage.Ranking, stageDelay, cancellationToken);
        var predicted = PredictedLabels.ArgMax(predProbs);
        var margins = LabelQuality.Scores(consensus, predProbs, ScoreMethod.NormalizedMargin);
        var ranked = RankIssues(result, predicted);
        reporter.Set(JobStage.Ranking, 100);

        return new AnalysisResult(consensus, predicted, result.ConsensusQualityScore, margins, ranked, health)
        {
            MultiAnnotator = new MultiAnnotatorOutcome(labels, result),
        };
    }

    /// <summary>The examples a reviewer should look at (disagreement among annotators or with the model), lowest consensus quality first.</summary>
    public static int[] RankIssues(MultiAnnotatorResult result, int[] predicted)
    {
        var flagged = new List<int>();
        for (var i = 0; i < predicted.Length; i++)
            if (result.AnnotatorAgreement[i] < 1.0 || predicted[i] != result.ConsensusLabel[i])
                flagged.Add(i);
        var quality = result.ConsensusQualityScore;
        return [.. flagged.OrderBy(i => quality[i]).ThenBy(i => i)];
    }

    private static async Task EnterAsync(JobReporter reporter, string stage, TimeSpan stageDelay, CancellationToken cancellationToken)
    {
        reporter.Set(stage, 0);
        cancellationToken.ThrowIfCancellationRequested();
        if (stageDelay > TimeSpan.Zero)
            await Task.Delay(stageDelay, cancellationToken);
    }
}
