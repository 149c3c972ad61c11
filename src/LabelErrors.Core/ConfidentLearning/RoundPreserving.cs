namespace LabelErrors.Core.ConfidentLearning;

/// <summary>cleanlab's <c>round_preserving_sum</c> / <c>round_preserving_row_totals</c> (internal/util.py).</summary>
internal static class RoundPreserving
{
    /// <summary>
    /// Rounds each row of a K×K matrix (row-major) to integers while keeping each row's rounded total.
    /// Ties in the fractional parts follow the stable argsort rule (see <see cref="StableOrder"/>).
    /// </summary>
    public static long[,] RowTotals(double[,] matrix)
    {
        int rows = matrix.GetLength(0), cols = matrix.GetLength(1);
        var result = new long[rows, cols];
        var row = new double[cols];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < cols; j++) row[j] = matrix[i, j];
            var ints = Sum(row);
            for (int j = 0; j < cols; j++) result[i, j] = ints[j];
        }

        return result;
    }

    /// <summary>Rounds floats (half to even, like numpy) and then nudges the entries with the largest rounding
    /// error until the integers add up to the rounded float total.</summary>
    public static long[] Sum(ReadOnlySpan<double> floats)
    {
        int n = floats.Length;
        var ints = new double[n];
        for (int i = 0; i < n; i++) ints[i] = Math.Round(floats[i], MidpointRounding.ToEven);
        double origSum = Math.Round(NumpyReductions.Sum(floats), MidpointRounding.ToEven);
        double intSum = Math.Round(NumpyReductions.Sum<double>(ints), MidpointRounding.ToEven);
        var residual = new double[n];
        while (Math.Abs(intSum - origSum) > 1e-6)
        {
            double diff = Math.Round(origSum - intSum, MidpointRounding.ToEven);
            int increment = diff < 0.0 ? -1 : 1;
            int changes = (int)Math.Min(Math.Abs(diff), n);
            for (int i = 0; i < n; i++) residual[i] = floats[i] - ints[i];
            // np.argsort(floats - ints)[::-increment][:changes]
            var order = increment == 1 ? StableOrder.ReversedAscending<double>(residual) : StableOrder.Ascending<double>(residual);
            for (int c = 0; c < changes; c++) ints[order[c]] += increment;
            intSum = Math.Round(NumpyReductions.Sum<double>(ints), MidpointRounding.ToEven);
        }

        var result = new long[n];
        for (int i = 0; i < n; i++) result[i] = (long)ints[i];
        return result;
    }
}
