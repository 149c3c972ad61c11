using System.Numerics;
using System.Runtime.InteropServices;

namespace LabelErrors.Core.ConfidentLearning.Streaming;

/// <summary>
/// What the first pass keeps of every row besides its self-confidence, so that later steps need not read the row
/// again: the two largest values and their columns (argmax and second), the third largest value, and whether
/// cleanlab's <c>_reduce_issues</c> keeps the example. From these the confident guess follows once the thresholds are
/// known for every row whose third value is below the lowest threshold (a row sums to 1, so few can have more classes
/// at their thresholds; the others are read again, see <see cref="SummaryGuesses"/>), and so do the predicted label,
/// the self-confidence and normalized-margin scores (<c>max over other classes</c> is the first or the second value).
/// Memory: 4 × sizeof(T) + 4 bytes and a bit per row with the self-confidence (12 and a bit for float16); the third value is freed once
/// the guesses are known.
/// </summary>
internal sealed class RowSummaries<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Columns are kept as ushort.</summary>
    public const int MaxClasses = ushort.MaxValue + 1;

    private RowSummaries(int n)
    {
        SelfConfidence = new T[n];
        First = new T[n];
        Second = new T[n];
        Third = new T[n];
        FirstClass = new ushort[n];
        SecondClass = new ushort[n];
        PredictedAsGiven = new RowFlags(n, common: true); // most rows are predicted as given
    }

    public T[] SelfConfidence { get; }

    public T[] First { get; }

    public T[] Second { get; }

    /// <summary>Null once the guesses are known (<see cref="ReleaseThird"/>).</summary>
    public T[]? Third { get; private set; }

    /// <summary>numpy's argmax of the row (first maximum).</summary>
    public ushort[] FirstClass { get; }

    public ushort[] SecondClass { get; }

    /// <summary><see cref="ClassPruning.IsPredictedAsGiven"/> of the row.</summary>
    public RowFlags PredictedAsGiven { get; }

    public static bool Supports(int k) => k <= MaxClasses;

    public void ReleaseThird() => Third = null;

    /// <summary>The largest value of the row other than column <paramref name="label"/> (−∞ for K = 1), as <see cref="LabelQuality.MaxExcluding"/>.</summary>
    public T MaxOther(int i, int label) => FirstClass[i] == label ? Second[i] : First[i];

    /// <summary><see cref="LabelQuality.NormalizedMarginRow"/> of row <paramref name="i"/>, the same operations in T.</summary>
    public T NormalizedMargin(int i, int label) => (SelfConfidence[i] - MaxOther(i, label) + T.One) / T.CreateChecked(2);

    /// <summary>
    /// Pass 1: the summaries, the finite/range scan and the deferred row checks. Rows are handled a few at a time
    /// (float16 widened into a buffer that stays in the first-level cache, not the whole block).
    /// </summary>
    public static RowSummaries<T> Read(
        RowBlocks<T> blocks, PredProbsSource<T> source, int[] labels, CancellationToken cancellationToken, Validation.PredProbsRowCheck? rowCheck)
    {
        int k = source.K;
        if (!Supports(k)) throw new ArgumentOutOfRangeException(nameof(source), $"At most {MaxClasses} classes are summarised.");
        var summaries = new RowSummaries<T>(source.N);
        int chunkRows = Math.Max(1, 8192 / k);
        var scans = blocks.Run(
            "thresholds",
            () => new SummaryState { RowCheck = rowCheck?.CreateWorker(k) },
            (state, first, count, rows) =>
            {
                for (int start = 0; start < count; start += chunkRows)
                {
                    int chunk = Math.Min(chunkRows, count - start);
                    var chunkValues = rows.Slice(start * k, chunk * k);
                    ValueScan.Result scan;
                    ReadOnlySpan<float> widened = default;
                    if (typeof(T) == typeof(Half))
                    {
                        widened = state.Widen(chunkValues);
                        scan = ValueScan.ScanBlock(widened);
                        var bits = MemoryMarshal.Cast<T, ushort>(chunkValues);
                        for (int r = 0; r < chunk; r++)
                        {
                            var row = chunkValues.Slice(r * k, k);
                            if (!TopThree.TryOfNonNegativeHalves(bits.Slice(r * k, k), out var top)) top = TopThree.Of(widened.Slice(r * k, k));
                            summaries.Add(first + start + r, row, top, labels);
                        }
                    }
                    else
                    {
                        scan = ValueScan.ScanBlock(chunkValues);
                        for (int r = 0; r < chunk; r++)
                        {
                            var row = chunkValues.Slice(r * k, k);
                            summaries.Add(first + start + r, row, TopThree.Of(row), labels);
                        }
                    }

                    state.Scan = ValueScan.Combine(state.Scan, scan);
                    if (state.RowCheck is not null) rowCheck!.Check(state.RowCheck, first + start, chunk, k, chunkValues, widened);
                }
            },
            cancellationToken);
        rowCheck?.ThrowFirstProblem(scans.Select(s => s.RowCheck!));
        var total = scans.Select(s => s.Scan).Aggregate(ValueScan.Result.Empty, ValueScan.Combine);
        if (!total.AllFinite) StreamingPasses.ThrowFirstNonFinite(source);
        InputChecks.ValidateRange(total, requireUnitRange: true);
        return summaries;
    }

    /// <param name="row">The row in T.</param>
    /// <param name="top">The row's <see cref="TopThree"/>, in T or (float16) in float: exact, order kept.</param>
    private void Add<TRow>(int i, ReadOnlySpan<T> row, TopThree.Result<TRow> top, int[] labels)
        where TRow : unmanaged, IFloatingPointIeee754<TRow>
    {
        int label = labels[i];
        T self = row[label];
        SelfConfidence[i] = self;
        First[i] = row[top.FirstClass];
        Second[i] = row.Length > 1 ? row[top.SecondClass] : T.NegativeInfinity;
        Third![i] = T.CreateTruncating(top.Third); // a value of the row, or −∞: exact
        FirstClass[i] = (ushort)top.FirstClass;
        SecondClass[i] = (ushort)top.SecondClass;
        PredictedAsGiven[i] = IsPredictedAsGiven(self, MaxOther(i, label), FirstClass[i] == label ? SecondClass[i] : FirstClass[i], label);
    }

    /// <summary>
    /// <see cref="ClassPruning.IsPredictedAsGiven"/> from the summary alone: the row's argmax after boosting its own
    /// value by 1e-6 stays the label unless another column exceeds the boosted value, or equals it at a lower column
    /// (argmax takes the first maximum). Only the largest other value and its first column can do either.
    /// </summary>
    /// <param name="maxOther">The largest value of the other columns (−∞ when there are none).</param>
    /// <param name="maxOtherClass">The first other column holding <paramref name="maxOther"/>.</param>
    internal static bool IsPredictedAsGiven(T self, T maxOther, int maxOtherClass, int label)
    {
        T boosted = self + T.CreateChecked(1e-6);
        return maxOther < boosted || (maxOther == boosted && maxOtherClass > label);
    }

    private sealed class SummaryState : WideningBuffer
    {
        public ValueScan.Result Scan { get; set; } = ValueScan.Result.Empty;

        public Validation.PredProbsRowCheck.Worker? RowCheck { get; init; }
    }
}
