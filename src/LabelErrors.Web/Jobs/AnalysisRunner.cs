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
/// pruning (find_label_issues), ranking (label quality scores, margins, predicted labels, outliers). The same calls as
/// the CLI's find-issues, so the results match it on the same files. A pred_probs .npy the core can read in row blocks
/// (float16/32/64, C order: every file the upload form streams at POST time) is never loaded: each stage makes block
/// passes over the stored file, so the job holds a few per-example arrays, not the N×K matrix; other files (CSV, the
/// rare .npy layouts the in-memory reader accepts) are loaded as before, with bit-identical results either way.
/// </summary>
public sealed class AnalysisRunner(IOptions<JobOptions> options)
{
    public Task<AnalysisResult> RunAsync(UploadFiles files, AnalysisOptions analysis, JobReporter reporter, CancellationToken cancellationToken)
    {
        if (files.Task == UploadTask.MultiAnnotator)
            return MultiAnnotatorAnalysis.RunAsync(files, analysis, reporter, options.Value.StageDelay, cancellationToken);
        return Streams(files)
            ? RunStreamedAsync(files, analysis, reporter.Set, cancellationToken)
            : RunInMemoryAsync(files, analysis, reporter.Set, cancellationToken);
    }

    /// <summary>Whether the job reads the pred_probs in row blocks (a .npy the core streams) rather than loading it.</summary>
    internal static bool Streams(UploadFiles files) =>
        UploadInputs.IsNpy(files.PredProbsDisplayName) && StreamedPredProbsValidation.CanStream(files.PredProbsPath);

    /// <summary>The stages with the whole matrix loaded: CSV pred_probs and the .npy layouts the core does not stream.</summary>
    internal async Task<AnalysisResult> RunInMemoryAsync(UploadFiles files, AnalysisOptions analysis, Action<string, double> reporter, CancellationToken cancellationToken)
    {
        await EnterAsync(reporter, JobStage.Validating, cancellationToken);
        var classNames = UploadInputs.ReadClassNames(files.ClassNamesPath, files.ClassNamesDisplayName);
        var labelsInput = UploadInputs.ReadLabels(files.LabelsPath, files.LabelsDisplayName, classNames);
        reporter(JobStage.Validating, 20);
        cancellationToken.ThrowIfCancellationRequested();
        var predProbsInput = UploadInputs.ReadPredProbs(files.PredProbsPath, files.PredProbsDisplayName);
        reporter(JobStage.Validating, 70);
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
        reporter(JobStage.Ranking, 40);
        var margins = analysis.ScoreMethod == ScoreMethod.NormalizedMargin
            ? scores
            : LabelQuality.Scores(labels, predProbs, ScoreMethod.NormalizedMargin);
        reporter(JobStage.Ranking, 70);
        var predicted = PredictedLabels.ArgMax(predProbs);
        var outliers = await outliersTask;
        reporter(JobStage.Ranking, 100);

        return new AnalysisResult(labels, predicted, scores, margins, issues.RankedIndices!, health, outliers);
    }

    /// <summary>
    /// The same stages over the stored .npy read in row blocks (docs/uploads.md, "Memory"): validation one pass,
    /// the health summary three (beside pruning), find_label_issues two or three, the row and outlier scores one (from
    /// the health's confident thresholds). Memory: labels, the outputs and the passes' per-row arrays (a few to a few tens of bytes a row), one
    /// block buffer per worker and pass.
    /// </summary>
    internal async Task<AnalysisResult> RunStreamedAsync(UploadFiles files, AnalysisOptions analysis, Action<string, double> reporter, CancellationToken cancellationToken)
    {
        await EnterAsync(reporter, JobStage.Validating, cancellationToken);
        var classNames = UploadInputs.ReadClassNames(files.ClassNamesPath, files.ClassNamesDisplayName);
        var labelsInput = UploadInputs.ReadLabels(files.LabelsPath, files.LabelsDisplayName, classNames);
        reporter(JobStage.Validating, 20);
        cancellationToken.ThrowIfCancellationRequested();
        using var source = NpyPredProbsFile.Open(files.PredProbsPath);
        // The checks and messages of InputValidator (StreamedPredProbsValidation runs the same at POST time).
        await Task.Run(() => StreamingInputValidator.Validate(labelsInput, files.PredProbsDisplayName, source, classNames, files.ClassNamesDisplayName,
            cancellationToken: cancellationToken), cancellationToken);
        var labels = labelsInput.Labels;

        await EnterAsync(reporter, JobStage.ConfidentJoint, cancellationToken);
        // The health's first pass computes the confident thresholds the outlier scores need: handed to the row pass,
        // they spare it a pass of its own over the file.
        var healthTask = Task.Run(() =>
        {
            var summary = DatasetHealth.HealthSummary(labels, source, out var thresholds, cancellationToken: cancellationToken);
            return (Summary: summary, Thresholds: thresholds);
        }, cancellationToken);

        await EnterAsync(reporter, JobStage.Pruning, cancellationToken);
        var issues = await Task.Run(() => StreamingLabelIssues.Find(labels, source, analysis.ToCore(), cancellationToken: cancellationToken), cancellationToken);
        var (health, thresholds) = await healthTask;

        await EnterAsync(reporter, JobStage.Ranking, cancellationToken);
        var withOutliers = OutlierScoring.HasTwoClasses(labels);
        var rows = await Task.Run(() => withOutliers
            ? StreamingRowScores.Compute(labels, source, analysis.ScoreMethod, thresholds, cancellationToken: cancellationToken)
            : StreamingRowScores.Compute(labels, source, analysis.ScoreMethod, outliers: false, cancellationToken: cancellationToken), cancellationToken);
        var outliers = rows.Outliers is { } found ? OutlierScoring.From(labels, found) : null;
        reporter(JobStage.Ranking, 100);

        return new AnalysisResult(labels, rows.PredictedLabels, rows.LabelQuality, rows.NormalizedMargin, issues.RankedIndices!, health, outliers);
    }

    private async Task EnterAsync(Action<string, double> reporter, string stage, CancellationToken cancellationToken)
    {
        reporter(stage, 0);
        cancellationToken.ThrowIfCancellationRequested();
        if (options.Value.StageDelay > TimeSpan.Zero)
            await Task.Delay(options.Value.StageDelay, cancellationToken);
    }
}
