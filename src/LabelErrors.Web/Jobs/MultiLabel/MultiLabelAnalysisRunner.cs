using LabelErrors.Core.ConfidentLearning;
using LabelErrors.Core.ConfidentLearning.MultiLabel;
using LabelErrors.Data.Entities;
using LabelErrors.Web.Uploads;
using LabelErrors.Web.Uploads.MultiLabel;
using Microsoft.Extensions.Options;

namespace LabelErrors.Web.Jobs.MultiLabel;

/// <summary>
/// The stages of a multi-label upload's job, on the core's cleanlab 2.9.0 multilabel_classification (the same calls as
/// <c>labelerrors find-issues --task multi-label</c>): validating, pruning (find_label_issues with the upload's
/// filter_by, frac_noise, min_examples_per_class, ranked by rank_by; find_multilabel_issues_per_class for the flagged
/// (example, class) pairs), ranking (get_label_quality_scores and the per-class scores, row by row).
/// </summary>
public sealed class MultiLabelAnalysisRunner(IOptions<JobOptions> options)
{
    /// <summary>A class the model predicts: its independent probability is above this (as the CLI's predicted_labels).</summary>
    public const double PredictedThreshold = 0.5;

    public async Task<MultiLabelAnalysisResult> RunAsync(UploadFiles files, AnalysisOptions analysis, JobReporter reporter, CancellationToken cancellationToken)
    {
        await EnterAsync(reporter, JobStage.Validating, cancellationToken);
        var core = analysis.ToCore();
        var inputs = MultiLabelUploadInputs.Read(files.LabelsPath, files.LabelsDisplayName, files.PredProbsPath, files.PredProbsDisplayName,
            files.ClassNamesPath, files.ClassNamesDisplayName, core.FilterBy, cancellationToken);
        var (labels, predProbs) = (inputs.Labels, inputs.PredProbs);
        reporter.Set(JobStage.Validating, 100);

        await EnterAsync(reporter, JobStage.Pruning, cancellationToken);
        var issues = await Task.Run(() => MultiLabelIssues.Find(labels, predProbs, core), cancellationToken);
        reporter.Set(JobStage.Pruning, 50);
        var perClass = await Task.Run(() => MultiLabelIssues.FindPerClass(labels, predProbs, core with { ReturnIndicesRankedBy = null }), cancellationToken);

        await EnterAsync(reporter, JobStage.Ranking, cancellationToken);
        var method = analysis.ScoreMethod;
        var scores = await Task.Run(() => MultiLabelQuality.Scores(labels, predProbs, method), cancellationToken);
        reporter.Set(JobStage.Ranking, 30);
        var margins = method == ScoreMethod.NormalizedMargin
            ? scores
            : await Task.Run(() => MultiLabelQuality.Scores(labels, predProbs, ScoreMethod.NormalizedMargin), cancellationToken);
        reporter.Set(JobStage.Ranking, 60);
        var rows = await Task.Run(() => ClassRows(labels, predProbs, perClass, method, cancellationToken), cancellationToken);
        var predicted = PredictedLabels.ArgMax(predProbs);
        reporter.Set(JobStage.Ranking, 100);

        return new MultiLabelAnalysisResult(labels, predicted, scores, margins, issues.RankedIndices!, rows);
    }

    /// <summary>
    /// The (example, class) pairs worth keeping: given, predicted (p &gt; 0.5) or flagged per class; each with its
    /// probability and per-class quality. A flagged pair whose class is given is "label wrong", otherwise "label missing".
    /// </summary>
    public static List<MultiLabelClassRow> ClassRows(MultiLabels labels, PredProbs predProbs, MultiLabelIssuesPerClass perClass, ScoreMethod method,
        CancellationToken cancellationToken)
    {
        int n = labels.Count, k = predProbs.K;
        var flagged = new Dictionary<int, List<int>>();
        for (var c = 0; c < k; c++)
            foreach (var i in perClass.IssuesByClass[c])
            {
                if (!flagged.TryGetValue(i, out var classes))
                    flagged[i] = classes = [];
                classes.Add(c);
            }

        var rows = new List<MultiLabelClassRow>(labels.LabelCount + flagged.Count);
        var quality = new double[k];
        var probabilities = new double[k];
        for (var i = 0; i < n; i++)
        {
            if (i % 10_000 == 0)
                cancellationToken.ThrowIfCancellationRequested();
            MultiLabelQuality.ScoresPerClassOfRow(labels, predProbs, i, method, quality);
            predProbs.CopyRow(i, probabilities);
            var given = labels[i];
            var flags = flagged.GetValueOrDefault(i);
            for (var c = 0; c < k; c++)
            {
                var isGiven = given.Contains(c);
                var isFlagged = flags?.Contains(c) == true;
                if (!isGiven && !isFlagged && probabilities[c] <= PredictedThreshold)
                    continue;
                MultiLabelIssueKind? issue = !isFlagged ? null : isGiven ? MultiLabelIssueKind.LabelWrong : MultiLabelIssueKind.LabelMissing;
                rows.Add(new MultiLabelClassRow(i, c, isGiven, probabilities[c], quality[c], issue));
            }
        }
        return rows;
    }

    private async Task EnterAsync(JobReporter reporter, string stage, CancellationToken cancellationToken)
    {
        reporter.Set(stage, 0);
        cancellationToken.ThrowIfCancellationRequested();
        if (options.Value.StageDelay > TimeSpan.Zero)
            await Task.Delay(options.Value.StageDelay, cancellationToken);
    }
}
