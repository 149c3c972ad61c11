using System.Numerics;

namespace LabelErrors.Core.Validation;

/// <summary>
/// A vectorised pre-check of one float or double pred_probs row that only ever answers "certainly valid": finite,
/// non-negative, not above 1 (when that is checked), and a sum inside the tolerance by a margin wider than any
/// difference between summation orders. A row it does not accept goes through <see cref="InputValidator.CheckRow"/>,
/// which finds the exact problem and message, so outcomes and messages are unchanged; the common row then costs a
/// few vector operations instead of a scalar loop with a serial double sum (the largest part of validating 1M × 100).
/// </summary>
internal static class RowPreCheck
{
    // Two summation orders of K non-negative doubles with a sum near 1 differ by less than 2 K 2^-53; 1e-9 covers
    // rows of up to a few million columns, and longer rows are left to the exact check.
    private const double SumMargin = 1e-9;
    private const int MaxColumns = 1_000_000;

    /// <summary>True only when <see cref="InputValidator.CheckRow"/> would accept the row (widened to double).</summary>
    public static bool IsCertainlyValid(ReadOnlySpan<float> row, double tolerance, double aboveOneLimit)
    {
        if (!Vector.IsHardwareAccelerated || row.Length > MaxColumns) return false;
        int width = Vector<float>.Count;
        var sums = Vector<double>.Zero;
        var maxima = Vector<float>.Zero;
        bool ok = true;
        int c = 0;
        for (; c <= row.Length - width; c += width)
        {
            var v = new Vector<float>(row.Slice(c));
            var d = v - v; // zero for finite values, NaN for NaN and ±∞
            ok &= Vector.EqualsAll(d, Vector<float>.Zero) & !Vector.LessThanAny(v, Vector<float>.Zero);
            maxima = Vector.Max(maxima, v);
            Vector.Widen(v, out var low, out var high);
            sums += low + high;
        }

        double sum = Vector.Sum(sums);
        float max = 0;
        for (int l = 0; l < width; l++) max = Math.Max(max, maxima[l]);
        for (; c < row.Length; c++)
        {
            float v = row[c];
            ok &= float.IsFinite(v) & !(v < 0);
            max = Math.Max(max, v);
            sum += v;
        }

        return ok && max <= aboveOneLimit && Math.Abs(sum - 1) <= tolerance - SumMargin;
    }

    /// <inheritdoc cref="IsCertainlyValid(ReadOnlySpan{float}, double, double)"/>
    public static bool IsCertainlyValid(ReadOnlySpan<double> row, double tolerance, double aboveOneLimit)
    {
        if (!Vector.IsHardwareAccelerated || row.Length > MaxColumns) return false;
        int width = Vector<double>.Count;
        var sums = Vector<double>.Zero;
        var maxima = Vector<double>.Zero;
        bool ok = true;
        int c = 0;
        for (; c <= row.Length - width; c += width)
        {
            var v = new Vector<double>(row.Slice(c));
            var d = v - v;
            ok &= Vector.EqualsAll(d, Vector<double>.Zero) & !Vector.LessThanAny(v, Vector<double>.Zero);
            maxima = Vector.Max(maxima, v);
            sums += v;
        }

        double sum = Vector.Sum(sums);
        double max = 0;
        for (int l = 0; l < width; l++) max = Math.Max(max, maxima[l]);
        for (; c < row.Length; c++)
        {
            double v = row[c];
            ok &= double.IsFinite(v) & !(v < 0);
            max = Math.Max(max, v);
            sum += v;
        }

        return ok && max <= aboveOneLimit && Math.Abs(sum - 1) <= tolerance - SumMargin;
    }

    /// <summary>The largest value a row may hold under <paramref name="options"/> (∞ when values above 1 are accepted).</summary>
    public static double AboveOneLimit(ValidationOptions options) =>
        options.Renormalize || options.AllowValuesAboveOne ? double.PositiveInfinity : 1 + InputValidator.AboveOneMargin;
}
