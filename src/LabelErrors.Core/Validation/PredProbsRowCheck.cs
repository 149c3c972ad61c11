using System.Numerics;
using System.Runtime.InteropServices;
using LabelErrors.Core.ConfidentLearning;
using LabelErrors.Core.Formats;

namespace LabelErrors.Core.Validation;

/// <summary>
/// The per-row pred_probs checks of <see cref="StreamingInputValidator"/> (finite, non-negative, not above 1, sum
/// within the tolerance), usable inside another pass over the same blocks: a streaming computation that reads every
/// row in its first pass anyway checks them there instead of in a pass of its own (one read of the file less, which
/// is a sixth of the run when the file does not fit in the page cache). The first bad row is reported, with the
/// message the in-memory check gives.
/// </summary>
public sealed class PredProbsRowCheck
{
    private readonly string _fileName;
    private readonly ValidationOptions _options;
    private readonly double _tolerance;
    private readonly double _aboveOneLimit;

    internal PredProbsRowCheck(string fileName, FloatPrecision precision, ValidationOptions options)
    {
        _fileName = fileName;
        _options = options;
        _tolerance = RowSumTolerance.For(precision);
        _aboveOneLimit = RowPreCheck.AboveOneLimit(options);
    }

    /// <summary>One worker's state: a row buffer and the earliest problem it found.</summary>
    internal sealed class Worker(int k)
    {
        public double[] Row { get; } = new double[k];

        public (long Row, string Message)? Problem { get; set; }
    }

    internal Worker CreateWorker(int k) => new(k);

    /// <summary>
    /// Checks rows [first, first + count); <paramref name="widened"/> is the block as float when the elements are
    /// float16 (the vector pre-check needs float or double), else empty.
    /// </summary>
    internal void Check<T>(Worker worker, int first, int count, int k, ReadOnlySpan<T> rows, ReadOnlySpan<float> widened)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        // blocks may come in any order: a block after this worker's earliest problem cannot hold an earlier one
        if (worker.Problem is { } known && known.Row < first) return;
        for (int r = 0; r < count; r++)
        {
            var row = rows.Slice(r * k, k);
            // the common valid row is accepted by the vectorised pre-check; any other gets the exact check and message
            if (IsCertainlyValid(row, widened.IsEmpty ? default : widened.Slice(r * k, k))) continue;
            var doubles = worker.Row;
            for (int c = 0; c < k; c++) doubles[c] = double.CreateChecked(row[c]);
            if (InputValidator.CheckRow(doubles, _tolerance, _options) is { } message)
            {
                if (worker.Problem is not { } earlier || first + r < earlier.Row) worker.Problem = (first + r, message);
                return;
            }
        }
    }

    /// <summary>Throws the problem of the earliest bad row any worker found.</summary>
    internal void ThrowFirstProblem(IEnumerable<Worker> workers)
    {
        if (FirstProblem(workers) is { } p) throw new LabelErrorsInputException(_fileName, p.Message, p.Row);
    }

    internal static (long Row, string Message)? FirstProblem(IEnumerable<Worker> workers) =>
        workers.Select(w => w.Problem).Where(p => p is not null).OrderBy(p => p!.Value.Row).FirstOrDefault();

    private bool IsCertainlyValid<T>(ReadOnlySpan<T> row, ReadOnlySpan<float> widened)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float)) return RowPreCheck.IsCertainlyValid(MemoryMarshal.Cast<T, float>(row), _tolerance, _aboveOneLimit);
        if (typeof(T) == typeof(double)) return RowPreCheck.IsCertainlyValid(MemoryMarshal.Cast<T, double>(row), _tolerance, _aboveOneLimit);
        // float16 widened to float holds the same values, so the float pre-check answers for the float16 row
        return !widened.IsEmpty && RowPreCheck.IsCertainlyValid(widened, _tolerance, _aboveOneLimit);
    }
}
