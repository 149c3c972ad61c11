namespace LabelErrors.Core.Formats;

/// <summary>
/// Given labels read from a file. <see cref="FirstRowNumber"/> is the row number messages use for the first
/// example: 0 for arrays (rows are example indices), the line number of the first data line for CSV files.
/// </summary>
public sealed record LabelsInput(string FileName, int[] Labels, int FirstRowNumber)
{
    public long RowNumber(int exampleIndex) => exampleIndex + (long)FirstRowNumber;
}
