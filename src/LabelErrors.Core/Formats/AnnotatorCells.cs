using LabelErrors.Core.ConfidentLearning.MultiAnnotator;

namespace LabelErrors.Core.Formats;

/// <summary>
/// What both annotator CSV readers (<see cref="PlainAnnotatorCsv"/> from bytes, <see cref="AnnotatorLabelsCsv"/> through
/// the CSV reader) must agree on, so that a file parses the same way whichever reader takes it.
/// </summary>
internal static class AnnotatorCells
{
    /// <summary><see cref="Digits"/>'s answer for a cell that is not empty and not plain digits.</summary>
    public const int NotDigits = -2;

    /// <summary>
    /// The usual cell without a string: empty (<see cref="AnnotatorLabels.Missing"/>) or up to 9 ASCII digits; anything
    /// else (signs, "3.0", errors) is <see cref="NotDigits"/>.
    /// </summary>
    public static int Digits(ReadOnlySpan<byte> cell)
    {
        if (cell.IsEmpty) return AnnotatorLabels.Missing;
        if (cell.Length > 9) return NotDigits;
        int value = 0;
        foreach (byte b in cell)
        {
            uint digit = (uint)(b - '0');
            if (digit > 9) return NotDigits;
            value = (value * 10) + (int)digit;
        }

        return value;
    }

    /// <summary>1 when the header's first field is empty (pandas' index column, skipped), else 0.</summary>
    public static int FirstAnnotatorColumn(IReadOnlyList<string> header) => header.Count > 1 && header[0].Length == 0 ? 1 : 0;
}
