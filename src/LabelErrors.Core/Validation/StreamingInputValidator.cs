using System.Numerics;
using System.Runtime.InteropServices;
using LabelErrors.Core.ConfidentLearning;
using LabelErrors.Core.ConfidentLearning.Streaming;
using LabelErrors.Core.Formats;

namespace LabelErrors.Core.Validation;

/// <summary>
/// <see cref="InputValidator.Validate"/> for pred_probs read in row blocks (too large to load): the same checks and
/// messages, in one parallel pass; when several rows are wrong the first one is reported, as the in-memory check does.
/// Renormalizing is not possible without rewriting the file, so it is refused.
/// </summary>
public static class StreamingInputValidator
{
    /// <summary>Validates labels and pred_probs; returns the warnings (classes without examples).</summary>
    public static IReadOnlyList<string> Validate(
        LabelsInput labels,
        string predProbsFileName,
        PredProbsSource predProbs,
        IReadOnlyList<string>? classNames = null,
        string? classNamesFile = null,
        ValidationOptions? options = null,
        StreamingOptions? streaming = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(predProbs);
        options ??= new ValidationOptions();
        CheckShapes(labels, predProbsFileName, predProbs, classNames, classNamesFile, options);
        var k = predProbs.K;

        var problem = predProbs switch
        {
            PredProbsSource<double> d => FirstProblem(d, predProbsFileName, options, streaming, cancellationToken),
            PredProbsSource<float> f => FirstProblem(f, predProbsFileName, options, streaming, cancellationToken),
            PredProbsSource<Half> h => FirstProblem(h, predProbsFileName, options, streaming, cancellationToken),
            _ => throw new NotSupportedException(predProbs.GetType().Name),
        };
        if (problem is { } p)
            throw new LabelErrorsInputException(predProbsFileName, p.Message, p.Row);

        return InputValidator.CheckLabelsAndClasses(labels, k, classNames);
    }

    /// <summary>
    /// <see cref="Validate"/> without its pass over pred_probs: everything but the rows is checked now, and the
    /// returned row check is handed to the computation (<see cref="StreamingOptions.RowCheck"/>), whose first pass
    /// runs it. Same outcome and messages: a bad label found now is reported only after a pass has shown that no
    /// row is bad, as <see cref="Validate"/> reports rows first.
    /// </summary>
    public static (IReadOnlyList<string> Warnings, PredProbsRowCheck RowCheck) ValidateDeferringRows(
        LabelsInput labels,
        string predProbsFileName,
        PredProbsSource predProbs,
        IReadOnlyList<string>? classNames = null,
        string? classNamesFile = null,
        ValidationOptions? options = null,
        StreamingOptions? streaming = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(predProbs);
        options ??= new ValidationOptions();
        CheckShapes(labels, predProbsFileName, predProbs, classNames, classNamesFile, options);
        try
        {
            var warnings = InputValidator.CheckLabelsAndClasses(labels, predProbs.K, classNames);
            return (warnings, new PredProbsRowCheck(predProbsFileName, predProbs.Precision, options));
        }
        catch (LabelErrorsInputException)
        {
            Validate(labels, predProbsFileName, predProbs, classNames, classNamesFile, options, streaming, cancellationToken);
            throw;
        }
    }

    private static void CheckShapes(
        LabelsInput labels, string predProbsFileName, PredProbsSource predProbs, IReadOnlyList<string>? classNames, string? classNamesFile, ValidationOptions options)
    {
        if (options.Renormalize)
            throw new LabelErrorsInputException(predProbsFileName, "--renormalize cannot be combined with streaming (the file is not loaded); renormalize the rows beforehand");
        var n = labels.Labels.Length;
        if (n == 0)
            throw new LabelErrorsInputException(labels.FileName, "labels are empty");
        if (predProbs.N != n)
            throw new LabelErrorsInputException(predProbsFileName,
                $"pred_probs has {predProbs.N} rows but {labels.FileName} has {n} labels; both must describe the same examples in the same order");
        if (classNames is not null && classNames.Count != predProbs.K)
            throw new LabelErrorsInputException(classNamesFile ?? "class names",
                $"{classNames.Count} class names but pred_probs has {predProbs.K} columns");
    }

    private static (long Row, string Message)? FirstProblem<T>(
        PredProbsSource<T> source, string fileName, ValidationOptions options, StreamingOptions? streaming, CancellationToken cancellationToken)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int k = source.K;
        var check = new PredProbsRowCheck(fileName, source.Precision, options);
        var blocks = new RowBlocks<T>(source, streaming ?? new StreamingOptions(), passes: 1);
        var states = blocks.Run(
            "validation",
            () => (Worker: check.CreateWorker(k), Buffer: new WideningBuffer()),
            (state, first, count, rows) =>
            {
                var widened = typeof(T) == typeof(Half) ? state.Buffer.Widen(rows) : default;
                check.Check(state.Worker, first, count, k, rows, widened);
            },
            cancellationToken);
        return PredProbsRowCheck.FirstProblem(states.Select(s => s.Worker));
    }
}
