using LabelErrors.Core.ConfidentLearning;
using LabelErrors.Core.ConfidentLearning.Streaming;
using LabelErrors.Core.Formats;
using LabelErrors.Core.Validation;
using LabelErrors.Data.Entities;
using LabelErrors.Web.Uploads;
using Microsoft.Extensions.Options;

namespace LabelErrors.Web.Jobs;

/// <summary>
/// The confident-learning stages of a job on the upload's files: validating, confident joint (health summary),
/// pruning (find_label_issues), ranking (label quality scores). The same calls as the CLI's find-issues, so the
/// results match it on the same files.
/// </summary>
public sealed class AnalysisRunner(IOptions<JobOptions> options)
{
    public async Task<AnalysisResult> RunAsync(UploadFiles files, AnalysisOptions analysis, JobReporter reporter, CancellationToken cancellationToken)
    {
        if (files.Task == UploadTask.MultiAnnotator)
            return await MultiAnnotatorAnalysis.RunAsync(files, analysis, reporter, options.Value.StageDelay, cancellationToken);
        await EnterAsync(reporter, JobStage.Validating, cancellationToken);
        var classNames = UploadInputs.ReadClassNames(files.ClassNamesPath, files.ClassNamesDisplayName);
        var labelsInput = UploadInputs.ReadLabels(files.LabelsPath, files.LabelsDisplayName, classNames);
        reporter.Set(JobStage.Validating, 20);
        cancellationToken.ThrowIfCancellationRequested();
        var predProbsInput = UploadInputs.ReadPredProbs(files.PredProbsPath, files.PredProbsDisplayName);
        reporter.Set(JobStage.Validating, 70);
        cancellationToken.ThrowIfCancellationRequested();
        ValidatedInputs inputs = UploadInputs.Validate(labelsInput, predProbsInput, classNames, files.ClassNamesDisplayName);
        var labels = inputs.Labels;
        var predProbs = inputs.PredProbs;

        // The health summary (confident joint, per-class quality, overlaps) and find_label_issues only read the
        // arrays: the health runs on a second core while pruning runs, and is awaited before ranking.
        await EnterAsync(reporter, JobStage.ConfidentJoint, cancellationToken);
        var healthTask = Task.Run(() => DatasetHealth.HealthSummary(labels, predProbs), cancellationToken);

        await EnterAsync(reporter, JobStage.Pruning, cancellationToken);
        // The block algorithm of the CLI's streaming path, over the matrix already in memory: the same result as
        // LabelIssues.Find (tested for every filter_by), but it widens float16/float32 a block at a time with vector
        // code and splits the passes over the cores, where the whole-matrix path converts every value on each access
        // (measured: docs/performance.md, "Large uploads").
        var issues = await Task.Run(() =>
        {
            using var source = PredProbsSource.FromMemory(predProbs);
            return StreamingLabelIssues.Find(labels, source, analysis.ToCore(), cancellationToken: cancellationToken);
        }, cancellationToken);
        var health = await healthTask;

        await EnterAsync(reporter, JobStage.Ranking, cancellationToken);
        var outliersTask = Task.Run(() => OutlierScoring.Compute(labels, predProbs), cancellationToken);
        var scores = LabelQuality.Scores(labels, predProbs, analysis.ScoreMethod);
        reporter.Set(JobStage.Ranking, 40);
        var margins = analysis.ScoreMethod == ScoreMethod.NormalizedMargin
            ? scores
            : LabelQuality.Scores(labels, predProbs, ScoreMethod.NormalizedMargin);
        reporter.Set(JobStage.Ranking, 70);
        var predicted = PredictedLabels.ArgMax(predProbs);
        var outliers = await outliersTask;
        reporter.Set(JobStage.Ranking, 100);

        return new AnalysisResult(labels, predicted, scores, margins, issues.RankedIndices!, health, outliers);
    }

    private async Task EnterAsync(JobReporter reporter, string stage, CancellationToken cancellationToken)
    {
        reporter.Set(stage, 0);
        cancellationToken.ThrowIfCancellationRequested();
        if (options.Value.StageDelay > TimeSpan.Zero)
            await Task.Delay(options.Value.StageDelay, cancellationToken);
    }
}
