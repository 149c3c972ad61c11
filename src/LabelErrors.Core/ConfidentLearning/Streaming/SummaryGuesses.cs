using System.Numerics;

namespace LabelErrors.Core.ConfidentLearning.Streaming;

/// <summary>
/// The confident guesses (<see cref="ConfidentGuesses.GuessRow{T}(ReadOnlySpan{T}, ReadOnlySpan{T})"/>) from the row
/// summaries of pass 1. A row's guess depends on which classes reach their limit (threshold − 1e-6) and on its argmax;
/// when the third largest value is below the lowest limit, only the first two columns can reach theirs, so the
/// summary decides. The other rows ("undecided") are read again, only their blocks, and guessed by the same row code
/// as the in-memory path.
/// </summary>
internal sealed class SummaryGuesses<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private const int Undecided = int.MinValue;

    private readonly RowSummaries<T> _summaries;
    private readonly T[] _limits;
    private readonly double[]? _float64Limits;
    private readonly T _lowestLimit;
    private readonly double _lowestFloat64Limit;
    private int[] _undecided = [];
    private int[] _undecidedGuesses = [];

    private SummaryGuesses(RowSummaries<T> summaries, T[] thresholds, bool compareInFloat64)
    {
        _summaries = summaries;
        _limits = ConfidentGuesses.Limits(thresholds);
        _float64Limits = compareInFloat64 ? ConfidentGuesses.Float64Limits(thresholds) : null;
        // a NaN limit is never reached, so it does not lower the bound
        _lowestLimit = T.PositiveInfinity;
        foreach (var limit in _limits)
        {
            if (limit < _lowestLimit) _lowestLimit = limit;
        }

        _lowestFloat64Limit = double.PositiveInfinity;
        foreach (var limit in _float64Limits ?? [])
        {
            if (limit < _lowestFloat64Limit) _lowestFloat64Limit = limit;
        }
    }

    /// <summary>Rows whose guess needed their row again (diagnostics, tests).</summary>
    public int UndecidedCount => _undecided.Length;

    /// <summary>Decides every row; the undecided ones in one pass over their blocks only. Frees the summaries' third values.</summary>
    public static SummaryGuesses<T> Resolve(
        RowBlocks<T> blocks, int k, RowSummaries<T> summaries, T[] thresholds, bool compareInFloat64, CancellationToken cancellationToken)
    {
        var guesses = new SummaryGuesses<T>(summaries, thresholds, compareInFloat64);
        var undecided = new List<int>();
        for (int i = 0; i < summaries.First.Length; i++)
        {
            if (guesses.Decide(i) == Undecided) undecided.Add(i);
        }

        var indices = undecided.ToArray();
        var found = new int[indices.Length];
        var limits = guesses._limits;
        var float64Limits = guesses._float64Limits;
        var singleLimits = Array.ConvertAll(limits, float.CreateChecked);
        int blockRows = blocks.BlockRows;
        blocks.Run(
            "confident joint",
            () => new WideningBuffer(),
            (buffer, first, count, rows) =>
            {
                for (int m = FlaggedRows.LowerBound(indices, first); m < indices.Length && indices[m] < first + count; m++)
                {
                    var row = rows.Slice((indices[m] - first) * k, k);
                    if (typeof(T) == typeof(Half))
                    {
                        // float16 compared widened to float, as the in-memory path's vectorised guess (exact, order kept)
                        var widened = buffer.Widen(row);
                        found[m] = float64Limits is null ? ConfidentGuesses.GuessRow<float>(widened, singleLimits) : ConfidentGuesses.GuessRow(widened, float64Limits);
                    }
                    else
                    {
                        found[m] = float64Limits is null ? ConfidentGuesses.GuessRow(row, limits) : ConfidentGuesses.GuessRow(row, float64Limits);
                    }
                }
            },
            cancellationToken,
            include: b => FlaggedRows.HasAny(indices, b * blockRows, (b + 1) * blockRows));
        guesses._undecided = indices;
        guesses._undecidedGuesses = found;
        return guesses;
    }

    /// <summary>The guess of every row (<see cref="ConfidentGuesses.NotConfident"/> where none).</summary>
    public int[] All()
    {
        var all = new int[_summaries.First.Length];
        for (int i = 0; i < all.Length; i++) all[i] = Known(i); // the undecided ones are overwritten below
        for (int m = 0; m < _undecided.Length; m++) all[_undecided[m]] = _undecidedGuesses[m];
        return all;
    }

    /// <summary>(given label, guess) counted over the confident examples, as <see cref="StreamingPasses.CountJoint"/>.</summary>
    public long[,] CountJoint(int[] labels, int k)
    {
        var joint = new long[k, k];
        int next = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            int guess;
            if (next < _undecided.Length && _undecided[next] == i) guess = _undecidedGuesses[next++];
            else guess = Known(i);
            if (guess != ConfidentGuesses.NotConfident) joint[labels[i], guess]++;
        }

        return joint;
    }

    /// <summary>The guess of a row known to be decided by its summary (the third value is no longer needed).</summary>
    private int Known(int i)
    {
        bool first, second;
        var s = _summaries;
        if (_float64Limits is null)
        {
            first = s.First[i] >= _limits[s.FirstClass[i]];
            second = s.Second[i] >= _limits[s.SecondClass[i]];
        }
        else
        {
            first = double.CreateChecked(s.First[i]) >= _float64Limits[s.FirstClass[i]];
            second = double.CreateChecked(s.Second[i]) >= _float64Limits[s.SecondClass[i]];
        }

        // one confident class: that class; more than one: the row's argmax, which is the first column
        return first ? s.FirstClass[i] : second ? s.SecondClass[i] : ConfidentGuesses.NotConfident;
    }

    private int Decide(int i)
    {
        T third = _summaries.Third![i];
        bool decided = _float64Limits is null ? third < _lowestLimit : double.CreateChecked(third) < _lowestFloat64Limit;
        return decided ? Known(i) : Undecided;
    }
}
