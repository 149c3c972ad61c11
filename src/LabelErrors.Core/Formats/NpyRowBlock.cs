namespace LabelErrors.Core.Formats;

/// <summary>A block of consecutive matrix rows; <see cref="Values"/> is only valid until the next block is read.</summary>
public readonly record struct NpyRowBlock(long FirstRow, int RowCount, int Columns, double[] Buffer)
{
    public ReadOnlySpan<double> Values => Buffer.AsSpan(0, RowCount * Columns);

    public ReadOnlySpan<double> Row(int rowInBlock) => Buffer.AsSpan(rowInBlock * Columns, Columns);
}
