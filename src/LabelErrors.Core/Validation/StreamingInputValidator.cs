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
        if (options.Renormalize)
            throw new LabelErrorsInputException(predProbsFileName, "--renormalize cannot be combined with streaming (the file is not loaded); renormalize the rows beforehand");
        var n = labels.Labels.Length;
        var k = predProbs.K;
        if (n == 0)
            throw new LabelErrorsInputException(labels.FileName, "labels are empty");
        if (predProbs.N != n)
            throw new LabelErrorsInputException(predProbsFileName,
                $"pred_probs has {predProbs.N} rows but {labels.FileName} has {n} labels; both must describe the same examples in the same order");
        if (classNames is not null && classNames.Count != k)
            throw new LabelErrorsInputException(classNamesFile ?? "class names",
                $"{classNames.Count} class names but pred_probs has {k} columns");

        var problem = predProbs switch
        {
            PredProbsSource<double> d => FirstProblem(d, options, streaming, cancellationToken),
            PredProbsSource<float> f => FirstProblem(f, options, streaming, cancellationToken),
            PredProbsSource<Half> h => FirstProblem(h, options, streaming, cancellationToken),
            _ => throw new NotSupportedException(predProbs.GetType().Name),
        };
        if (problem is { } p)
            throw new LabelErrorsInputException(predProbsFileName, p.Message, p.Row);

        return InputValidator.CheckLabelsAndClasses(labels, k, classNames);
    }

    private static (long Row, string Message)? FirstProblem<T>(PredProbsSource<T> source, ValidationOptions options, StreamingOptions? streaming, CancellationToken cancellationToken)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int k = source.K;
        double tolerance = RowSumTolerance.For(source.Precision);
        var aboveOneLimit = RowPreCheck.AboveOneLimit(options);
        var blocks = new RowBlocks<T>(source, streaming ?? new StreamingOptions(), passes: 1);
        var states = blocks.Run(
            "validation",
            () => new WorkerState(k),
            (state, first, count, rows) =>
            {
                // a worker sees its blocks in ascending order: after its first problem, later rows cannot be earlier
                if (state.Problem is not null) return;
                for (int r = 0; r < count; r++)
                {
                    var widened = state.Row;
                    var row = rows.Slice(r * k, k);
                    // the common valid row is accepted by the vectorised pre-check; any other gets the exact check and message
                    if (IsCertainlyValid(row, tolerance, aboveOneLimit)) continue;
                    for (int c = 0; c < k; c++) widened[c] = double.CreateChecked(row[c]);
                    if (InputValidator.CheckRow(widened, tolerance, options) is { } message)
                    {
                        state.Problem = (first + r, message);
                        return;
                    }
                }
            },
            cancellationToken);
        return states.Select(s => s.Problem).Where(p => p is not null).OrderBy(p => p!.Value.Row).FirstOrDefault();
    }

    private static bool IsCertainlyValid<T>(ReadOnlySpan<T> row, double tolerance, double aboveOneLimit)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float)) return RowPreCheck.IsCertainlyValid(MemoryMarshal.Cast<T, float>(row), tolerance, aboveOneLimit);
        if (typeof(T) == typeof(double)) return RowPreCheck.IsCertainlyValid(MemoryMarshal.Cast<T, double>(row), tolerance, aboveOneLimit);
        return false; // float16: no vector type; the exact check runs
    }

    private sealed class WorkerState(int k)
    {
        public double[] Row { get; } = new double[k];

        public (long Row, string Message)? Problem { get; set; }
    }
}
