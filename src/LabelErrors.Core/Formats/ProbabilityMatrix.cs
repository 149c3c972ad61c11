namespace LabelErrors.Core.Formats;

/// <summary>
/// An N×K matrix of predicted probabilities in row-major order, kept in the precision it was stored in
/// (f2 → <see cref="Half"/>, f4 → <see cref="float"/>, f8 / integers / CSV → <see cref="double"/>).
/// Exactly one of <see cref="Halves"/>, <see cref="Singles"/>, <see cref="Doubles"/> is set.
/// </summary>
public sealed class ProbabilityMatrix
{
    private ProbabilityMatrix(int rows, int columns, ProbabilityPrecision precision, Half[]? halves, float[]? singles, double[]? doubles)
    {
        Rows = rows;
        Columns = columns;
        Precision = precision;
        Halves = halves;
        Singles = singles;
        Doubles = doubles;
    }

    public int Rows { get; }

    public int Columns { get; }

    public ProbabilityPrecision Precision { get; }

    public Half[]? Halves { get; }

    public float[]? Singles { get; }

    public double[]? Doubles { get; }

    public double this[int row, int column] => Precision switch
    {
        ProbabilityPrecision.Double => Doubles![row * Columns + column],
        ProbabilityPrecision.Single => Singles![row * Columns + column],
        _ => (double)Halves![row * Columns + column],
    };

    public static ProbabilityMatrix FromDoubles(double[] data, int rows, int columns) =>
        new(rows, columns, ProbabilityPrecision.Double, null, null, Checked(data, rows, columns));

    public static ProbabilityMatrix FromSingles(float[] data, int rows, int columns) =>
        new(rows, columns, ProbabilityPrecision.Single, null, Checked(data, rows, columns), null);

    public static ProbabilityMatrix FromHalves(Half[] data, int rows, int columns) =>
        new(rows, columns, ProbabilityPrecision.Half, Checked(data, rows, columns), null, null);

    /// <summary>Copies one row widened to double into <paramref name="destination"/> (length ≥ Columns).</summary>
    public void CopyRow(int row, Span<double> destination)
    {
        var start = row * Columns;
        switch (Precision)
        {
            case ProbabilityPrecision.Double:
                Doubles.AsSpan(start, Columns).CopyTo(destination);
                break;
            case ProbabilityPrecision.Single:
                for (var c = 0; c < Columns; c++)
                    destination[c] = Singles![start + c];
                break;
            default:
                for (var c = 0; c < Columns; c++)
                    destination[c] = (double)Halves![start + c];
                break;
        }
    }

    /// <summary>The whole matrix widened to double (a copy when stored narrower, the same array when already double).</summary>
    public double[] ToDoubleArray()
    {
        if (Doubles is not null)
            return Doubles;
        var result = new double[Rows * Columns];
        for (var r = 0; r < Rows; r++)
            CopyRow(r, result.AsSpan(r * Columns, Columns));
        return result;
    }

    private static T[] Checked<T>(T[] data, int rows, int columns)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        if ((long)rows * columns != data.Length)
            throw new ArgumentException($"data has {data.Length} elements, expected {rows}×{columns}", nameof(data));
        return data;
    }
}
