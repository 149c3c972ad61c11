using LabelErrors.Core.ConfidentLearning;

namespace LabelErrors.Core.Validation;

/// <summary>
/// Divides every row by its sum (numpy: <c>p / p.sum(axis=1, keepdims=True)</c>). The sum and quotient are
/// computed in double and rounded back to the matrix's precision, so float32/float16 inputs stay narrow.
/// </summary>
public static class RowNormalization
{
    public static PredProbs Normalize(PredProbs matrix)
    {
        int rows = matrix.N, columns = matrix.K;
        var row = new double[columns];
        switch (matrix.Precision)
        {
            case FloatPrecision.Float64:
                var doubles = new double[rows * columns];
                for (var r = 0; r < rows; r++)
                {
                    matrix.CopyRow(r, row);
                    var sum = Sum(row);
                    for (var c = 0; c < columns; c++)
                        doubles[r * columns + c] = row[c] / sum;
                }
                return PredProbs.FromDouble(doubles, rows, columns);
            case FloatPrecision.Float32:
                var singles = new float[rows * columns];
                for (var r = 0; r < rows; r++)
                {
                    matrix.CopyRow(r, row);
                    var sum = Sum(row);
                    for (var c = 0; c < columns; c++)
                        singles[r * columns + c] = (float)(row[c] / sum);
                }
                return PredProbs.FromSingle(singles, rows, columns);
            default:
                var halves = new Half[rows * columns];
                for (var r = 0; r < rows; r++)
                {
                    matrix.CopyRow(r, row);
                    var sum = Sum(row);
                    for (var c = 0; c < columns; c++)
                        halves[r * columns + c] = (Half)(row[c] / sum);
                }
                return PredProbs.FromHalf(halves, rows, columns);
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
