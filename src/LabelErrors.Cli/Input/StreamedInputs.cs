using System.CommandLine;
using LabelErrors.Core.ConfidentLearning.Streaming;
using LabelErrors.Core.Formats;
using LabelErrors.Core.Validation;

namespace LabelErrors.Cli.Input;

/// <summary>Labels in memory and pred_probs left in their .npy file, validated with the same rules as the in-memory path.</summary>
public sealed class StreamedInputs : IDisposable
{
    private StreamedInputs(int[] labels, PredProbsSource predProbs, IReadOnlyList<string>? classNames, PredProbsRowCheck? rowCheck)
    {
        Labels = labels;
        PredProbs = predProbs;
        ClassNames = classNames;
        RowCheck = rowCheck;
    }

    public int[] Labels { get; }

    public PredProbsSource PredProbs { get; }

    public IReadOnlyList<string>? ClassNames { get; }

    /// <summary>With <c>deferRowChecks</c>: the row checks still to run, in the computation's first pass.</summary>
    public PredProbsRowCheck? RowCheck { get; }

    public static StreamedInputs Open(
        InputOptions inputs, ParseResult parseResult, CliContext context, Progress progress, StreamingOptions streaming,
        ValidationOptions? options, CancellationToken cancellationToken, bool deferRowChecks = false)
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
            var validation = (options ?? new ValidationOptions()) with { Renormalize = parseResult.GetValue(inputs.Renormalize) };
            if (validation.Renormalize)
                throw new LabelErrorsInputException(predProbsPath, RenormalizeRefusal(source));
            IReadOnlyList<string> warnings;
            PredProbsRowCheck? rowCheck = null;
            if (deferRowChecks)
            {
                (warnings, rowCheck) = StreamingInputValidator.ValidateDeferringRows(labels, predProbsPath, source, classNames, classNamesPath,
                    validation, streaming, cancellationToken);
            }
            else
            {
                progress.Report($"validating {source.N}×{source.K} pred_probs (streaming)");
                warnings = StreamingInputValidator.Validate(labels, predProbsPath, source, classNames, classNamesPath,
                    validation, streaming, cancellationToken);
            }

            foreach (var warning in warnings)
                context.Warn(warning);
            return new StreamedInputs(labels.Labels, source, classNames, rowCheck);
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Renormalizing rewrites every row, so the in-memory path holds the matrix and its renormalized copy: the
    /// message names that memory, which streaming avoids only if the rows are renormalized beforehand.
    /// </summary>
    private static string RenormalizeRefusal(PredProbsSource source)
    {
        long matrix = (long)source.N * source.RowBytes;
        return $"--renormalize cannot be combined with streaming: it needs the whole matrix in memory, about {StreamingMemory.Format(2 * matrix)} "
            + $"for {source.N}×{source.K} (the matrix and its renormalized copy); renormalize the rows beforehand, or run with --in-memory on a machine with that much memory";
    }

    public void Dispose() => PredProbs.Dispose();
}
