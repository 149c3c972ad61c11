using System.Numerics;

namespace LabelErrors.Core.ConfidentLearning.Streaming;

/// <summary>The passes that streaming find_label_issues and the streaming paper mode share.</summary>
internal static class StreamingPasses
{
    /// <summary>
    /// Pass 1: pred_probs[i, labels[i]] of every example (the thresholds need numpy's pairwise mean over each class in
    /// index order, so the values are kept: one element per row) and whether all values are finite, and their range.
    /// </summary>
    /// <param name="rowCheck">Input checks run on every row in this pass; the first bad row is reported before
    /// anything else (as a separate validation pass would have).</param>
    public static T[] SelfConfidence<T>(
        RowBlocks<T> blocks, PredProbsSource<T> source, int[] labels, bool requireUnitRange, CancellationToken cancellationToken,
        Validation.PredProbsRowCheck? rowCheck = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int k = source.K;
        var selfConfidence = new T[source.N];
        var scans = blocks.Run(
            "thresholds",
            () => new ScanState { RowCheck = rowCheck?.CreateWorker(k) },
            (state, first, count, rows) =>
            {
                for (int r = 0; r < count; r++) selfConfidence[first + r] = rows[r * k + labels[first + r]];
                // float16 has no vector support: scan the block widened to float (exact, so the same min, max and finiteness)
                var widened = typeof(T) == typeof(Half) ? state.Widen(rows) : default;
                var scan = typeof(T) == typeof(Half) ? ValueScan.ScanBlock(widened) : ValueScan.ScanBlock(rows);
                state.Scan = ValueScan.Combine(state.Scan, scan);
                if (state.RowCheck is not null) rowCheck!.Check(state.RowCheck, first, count, k, rows, widened);
            },
            cancellationToken);
        rowCheck?.ThrowFirstProblem(scans.Select(s => s.RowCheck!));
        var scan = scans.Select(s => s.Scan).Aggregate(ValueScan.Result.Empty, ValueScan.Combine);
        if (!scan.AllFinite) ThrowFirstNonFinite(source);
        InputChecks.ValidateRange(scan, requireUnitRange);
        return selfConfidence;
    }

    /// <summary>
    /// Pass 2: the (uncalibrated, unclipped) confident joint C[given, guess] with the thresholds of pass 1. The guesses
    /// are kept per row (4 bytes each) and counted once: a K×K count matrix per worker would not fit for large K.
    /// </summary>
    public static long[,] CountConfidentJoint<T>(RowBlocks<T> blocks, int k, int[] labels, T[] thresholds, bool compareInFloat64, CancellationToken cancellationToken)
        where T : unmanaged, IFloatingPointIeee754<T>
        => CountJoint(Guesses(blocks, k, labels, thresholds, compareInFloat64, cancellationToken), labels, k);

    /// <summary>(given label, guess) counted over the confident examples.</summary>
    public static long[,] CountJoint(int[] guesses, int[] labels, int k)
    {
        var joint = new long[k, k];
        for (int i = 0; i < guesses.Length; i++)
        {
            if (guesses[i] != ConfidentGuesses.NotConfident) joint[labels[i], guesses[i]]++;
        }

        return joint;
    }

    /// <summary>The pass of <see cref="CountConfidentJoint"/>: the confident guess of every example.</summary>
    public static int[] Guesses<T>(RowBlocks<T> blocks, int k, int[] labels, T[] thresholds, bool compareInFloat64, CancellationToken cancellationToken)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var limits = ConfidentGuesses.Limits(thresholds);
        var float64Limits = compareInFloat64 ? ConfidentGuesses.Float64Limits(thresholds) : null;
        var guesses = new int[labels.Length];
        // float16 rows are compared widened to float, where the vectorised guess applies: widening is exact and
        // keeps the order, so every comparison, maximum and argmax is the same as in float16
        bool widenHalf = typeof(T) == typeof(Half);
        var singleLimits = Array.ConvertAll(limits, float.CreateChecked);
        blocks.Run(
            "confident joint",
            () => new WideningBuffer(),
            (buffer, first, count, rows) =>
            {
                if (widenHalf)
                {
                    var widened = buffer.Widen(rows);
                    for (int r = 0; r < count; r++)
                    {
                        var row = widened.Slice(r * k, k);
                        guesses[first + r] = float64Limits is null ? ConfidentGuesses.GuessRow<float>(row, singleLimits) : ConfidentGuesses.GuessRow(row, float64Limits);
                    }

                    return;
                }

                for (int r = 0; r < count; r++)
                {
                    var row = rows.Slice(r * k, k);
                    guesses[first + r] = float64Limits is null ? ConfidentGuesses.GuessRow(row, limits) : ConfidentGuesses.GuessRow(row, float64Limits);
                }
            },
            cancellationToken);
        return guesses;
    }

    /// <summary>Throws the error of <see cref="PredProbs.EnsureFinite"/> when a value of row <paramref name="rowIndex"/> is not finite.</summary>
    public static void EnsureFinite<T>(ReadOnlySpan<T> row, int rowIndex)
        where T : IFloatingPointIeee754<T>
    {
        for (int c = 0; c < row.Length; c++)
        {
            if (!T.IsFinite(row[c])) throw new ArgumentException($"pred_probs must be finite: row {rowIndex}, column {c} is {row[c]}.", "predProbs");
        }
    }

    /// <summary>Same error as <see cref="PredProbs.EnsureFinite"/>: the first non-finite value in row-major order.</summary>
    internal static void ThrowFirstNonFinite<T>(PredProbsSource<T> source)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int k = source.K;
        const int blockRows = 1024;
        var buffer = new T[blockRows * k];
        for (int first = 0; first < source.N; first += blockRows)
        {
            int count = Math.Min(blockRows, source.N - first);
            var rows = source.ReadRows(first, count, buffer);
            for (int i = 0; i < rows.Length; i++)
            {
                if (!T.IsFinite(rows[i]))
                {
                    throw new ArgumentException($"pred_probs must be finite: row {first + i / k}, column {i % k} is {rows[i]}.", "predProbs");
                }
            }
        }
    }

    private sealed class ScanState : WideningBuffer
    {
        public ValueScan.Result Scan { get; set; } = ValueScan.Result.Empty;

        public Validation.PredProbsRowCheck.Worker? RowCheck { get; init; }
    }
}
