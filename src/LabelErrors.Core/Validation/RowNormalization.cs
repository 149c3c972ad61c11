using LabelErrors.Core.Formats;

namespace LabelErrors.Core.Validation;

/// <summary>
/// Divides every row by its sum (numpy: <c>p / p.sum(axis=1, keepdims=True)</c>). The sum and quotient are
/// computed in double and rounded back to the matrix's precision, so float32/float16 inputs stay narrow.
/// </summary>
public static class RowNormalization
{
    public static ProbabilityMatrix Normalize(ProbabilityMatrix matrix)
    {
        int rows = matrix.Rows, columns = matrix.Columns;
        var row = new double[columns];
        switch (matrix.Precision)
        {
            case ProbabilityPrecision.Double:
                var doubles = new double[rows * columns];
                for (var r = 0; r < rows; r++)
                {
                    matrix.CopyRow(r, row);
                    var sum = Sum(row);
                    for (var c = 0; c < columns; c++)
                        doubles[r * columns + c] = row[c] / sum;
                }
                return ProbabilityMatrix.FromDoubles(doubles, rows, columns);
            case ProbabilityPrecision.Single:
                var singles = new float[rows * columns];
                for (var r = 0; r < rows; r++)
                {
                    matrix.CopyRow(r, row);
                    var sum = Sum(row);
                    for (var c = 0; c < columns; c++)
                        singles[r * columns + c] = (float)(row[c] / sum);
                }
                return ProbabilityMatrix.FromSingles(singles, rows, columns);
            default:
                var halves = new Half[rows * columns];
                for (var r = 0; r < rows; r++)
                {
                    matrix.CopyRow(r, row);
                    var sum = Sum(row);
                    for (var c = 0; c < columns; c++)
                        halves[r * columns + c] = (Half)(row[c] / sum);
                }
                return ProbabilityMatrix.FromHalves(halves, rows, columns);
        }
    }

    // Left-to-right like numpy for short rows (numpy switches to pairwise sums beyond 8 elements).
    private static double Sum(ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        foreach (var v in values)
            sum += v;
        return sum;
    }
}
