using System.CommandLine;
using LabelErrors.Core.ConfidentLearning;
using LabelErrors.Core.ConfidentLearning.MultiLabel;
using LabelErrors.Core.Formats;
using LabelErrors.Core.Validation;

namespace LabelErrors.Cli.Input;

/// <summary>Reads and validates the inputs of a --task multi-label run (labels as lists of class ids).</summary>
public static class MultiLabelInputs
{
    public static (MultiLabels Labels, PredProbs PredProbs) Load(InputOptions inputs, ParseResult parseResult, Progress progress)
    {
        string labelsPath = parseResult.GetValue(inputs.Labels)!;
        if (parseResult.GetValue(inputs.ClassNames) is not null)
            throw new LabelErrorsInputException(labelsPath, "--class-names is not supported with --task multi-label (labels are class ids)");
        if (parseResult.GetValue(inputs.Renormalize))
            throw new LabelErrorsInputException(labelsPath, "--renormalize does not apply to --task multi-label (each pred_probs value is an independent probability)");

        string predProbsPath = parseResult.GetValue(inputs.PredProbs)!;
        progress.Report($"reading multi-label labels from {labelsPath}");
        // The .npy is read on the other core while the labels parse (1M × 100: 0.2–0.4 s of copying against 0.3–0.4 s
        // of JSON); a problem in the labels is still the one reported when both files have one.
        var predProbsRead = Task.Run(() => InputFiles.ReadPredProbs(predProbsPath));
        MultiLabelsInput labels;
        try
        {
            labels = MultiLabelsFile.Read(labelsPath);
        }
        catch
        {
            _ = predProbsRead.ContinueWith(read => _ = read.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            throw;
        }

        progress.SetExampleCount(labels.Rows.Length);
        progress.Report($"reading pred_probs from {predProbsPath}");
        var predProbs = predProbsRead.GetAwaiter().GetResult();
        progress.Report($"validating {predProbs.Matrix.N}×{predProbs.Matrix.K} pred_probs");
        var (validLabels, matrix) = MultiLabelInputValidator.Validate(labels, predProbs);
        return (validLabels, matrix);
    }
}
