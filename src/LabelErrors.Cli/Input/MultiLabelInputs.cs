using System.CommandLine;
using LabelErrors.Core.ConfidentLearning;
using LabelErrors.Core.ConfidentLearning.MultiLabel;
using LabelErrors.Core.Formats;
using LabelErrors.Core.Validation;

namespace LabelErrors.Cli.Input;

/// <summary>Reads and validates the inputs of a --task multi-label run (labels as lists of class ids).</summary>
public static class MultiLabelInputs
{
    /// <param name="sideBySide">
    /// Read pred_probs on the other core while the labels parse. Only for scores: find_label_issues' peak memory grew
    /// with it (1M × 100: 1.99 GB read in turn, 2.4–2.8 GB side by side, also with a full collection after reading;
    /// not explained), while the scores run's peak moved by 15 MB (docs/benchmarks.md).
    /// </param>
    public static (MultiLabels Labels, PredProbs PredProbs) Load(InputOptions inputs, ParseResult parseResult, Progress progress, bool sideBySide = false)
    {
        string labelsPath = parseResult.GetValue(inputs.Labels)!;
        if (parseResult.GetValue(inputs.ClassNames) is not null)
            throw new LabelErrorsInputException(labelsPath, "--class-names is not supported with --task multi-label (labels are class ids)");
        if (parseResult.GetValue(inputs.Renormalize))
            throw new LabelErrorsInputException(labelsPath, "--renormalize does not apply to --task multi-label (each pred_probs value is an independent probability)");

        string predProbsPath = parseResult.GetValue(inputs.PredProbs)!;
        progress.Report($"reading multi-label labels from {labelsPath}");
        // side by side: the .npy is copied on the other core while the labels parse (1M × 100: 0.2–0.4 s of copying
        // against 0.3–0.4 s of JSON); a problem in the labels is still the one reported when both files have one
        var predProbsRead = sideBySide ? Task.Run(() => InputFiles.ReadPredProbs(predProbsPath)) : null;
        MultiLabelsInput labels;
        try
        {
            labels = MultiLabelsFile.Read(labelsPath);
        }
        catch
        {
            _ = predProbsRead?.ContinueWith(read => _ = read.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            throw;
        }

        progress.SetExampleCount(labels.Rows.Length);
        progress.Report($"reading pred_probs from {predProbsPath}");
        var predProbs = predProbsRead is null ? InputFiles.ReadPredProbs(predProbsPath) : predProbsRead.GetAwaiter().GetResult();
        progress.Report($"validating {predProbs.Matrix.N}×{predProbs.Matrix.K} pred_probs");
        var (validLabels, matrix) = MultiLabelInputValidator.Validate(labels, predProbs);
        return (validLabels, matrix);
    }
}
