using System.CommandLine;
using LabelErrors.Core.ConfidentLearning.Streaming;
using LabelErrors.Core.Formats;
using LabelErrors.Core.Validation;

namespace LabelErrors.Cli.Input;

/// <summary>Labels in memory and pred_probs left in their .npy file, validated with the same rules as the in-memory path.</summary>
public sealed class StreamedInputs : IDisposable
{
    private StreamedInputs(int[] labels, PredProbsSource predProbs, IReadOnlyList<string>? classNames)
    {
        Labels = labels;
        PredProbs = predProbs;
        ClassNames = classNames;
    }

    public int[] Labels { get; }

    public PredProbsSource PredProbs { get; }

    public IReadOnlyList<string>? ClassNames { get; }

    public static StreamedInputs Open(
        InputOptions inputs, ParseResult parseResult, CliContext context, Progress progress, StreamingOptions streaming,
        ValidationOptions? options, CancellationToken cancellationToken)
    {
        var classNamesPath = parseResult.GetValue(inputs.ClassNames);
        var classNames = classNamesPath is null ? null : ClassNamesFile.Read(classNamesPath);

        var labelsPath = parseResult.GetValue(inputs.Labels)!;
        progress.Report($"reading labels from {labelsPath}");
        var labels = InputFiles.ReadLabels(labelsPath, classNames);
        progress.SetExampleCount(labels.Labels.Length);

        var predProbsPath = parseResult.GetValue(inputs.PredProbs)!;
        if (!predProbsPath.EndsWith(".npy", StringComparison.OrdinalIgnoreCase))
            throw new LabelErrorsInputException(predProbsPath, "--stream needs pred_probs as a .npy file");
        var source = NpyPredProbsFile.Open(predProbsPath);
        try
        {
            progress.Report($"validating {source.N}×{source.K} pred_probs (streaming)");
            var warnings = StreamingInputValidator.Validate(labels, predProbsPath, source, classNames, classNamesPath,
                (options ?? new ValidationOptions()) with { Renormalize = parseResult.GetValue(inputs.Renormalize) },
                streaming, cancellationToken);
            foreach (var warning in warnings)
                context.Warn(warning);
            return new StreamedInputs(labels.Labels, source, classNames);
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    public void Dispose() => PredProbs.Dispose();
}
