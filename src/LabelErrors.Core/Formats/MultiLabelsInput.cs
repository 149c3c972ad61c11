namespace LabelErrors.Core.Formats;

/// <summary>
/// Multi-label given labels as read from a file: per example its class ids (possibly none). <see cref="FirstRowNumber"/>
/// maps an example index to the row named in messages: 0 for JSON (the example index), the line of the first example
/// for text files (1-based line numbers).
/// </summary>
public sealed record MultiLabelsInput(string FileName, int[][] Rows, int FirstRowNumber)
{
    public long RowNumber(int exampleIndex) => exampleIndex + (long)FirstRowNumber;
}
