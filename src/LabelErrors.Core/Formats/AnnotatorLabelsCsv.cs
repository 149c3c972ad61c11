using System.Globalization;
using LabelErrors.Core.ConfidentLearning.MultiAnnotator;
using LabelErrors.Core.Validation;

namespace LabelErrors.Core.Formats;

/// <summary>
/// Multi-annotator labels from CSV: a header of annotator ids, then one row per example with one cell per annotator,
/// an empty cell where that annotator gave no label (what pandas' <c>to_csv</c> writes for NaN; its float spelling
/// such as <c>3.0</c> is accepted). A header whose first field is empty marks pandas' index column, which is skipped.
/// Every row must have as many cells as the header.
/// </summary>
public static class AnnotatorLabelsCsv
{
    public static AnnotatorLabelsInput Read(string path)
    {
        using var reader = TextLines.Open(path);
        return Read(reader, path);
    }

    public static AnnotatorLabelsInput Read(TextReader reader, string displayName)
    {
        var lines = CsvInput.ReadLines(reader, (reason, line) => new LabelErrorsInputException(displayName, reason, line));
        if (lines.Count == 0) throw new LabelErrorsInputException(displayName, "no header of annotator ids");

        var (headerLine, header) = lines[0];
        int first = header.Length > 1 && header[0].Length == 0 ? 1 : 0;
        var ids = header.Skip(first).ToArray();
        for (int j = 0; j < ids.Length; j++)
        {
            if (ids[j].Length == 0)
                throw new LabelErrorsInputException(displayName, $"column {first + j + 1}: the header needs an annotator id for every column", headerLine);
        }

        if (ids.Distinct(StringComparer.Ordinal).Count() != ids.Length)
        {
            var repeated = ids.GroupBy(id => id, StringComparer.Ordinal).First(g => g.Count() > 1).Key;
            throw new LabelErrorsInputException(displayName, $"annotator id '{repeated}' appears twice in the header", headerLine);
        }

        int rows = lines.Count - 1;
        if (rows == 0) throw new LabelErrorsInputException(displayName, "no examples after the header");
        int m = ids.Length;
        if ((long)rows * m > Array.MaxLength) throw new LabelErrorsInputException(displayName, $"{rows}×{m} labels are too many");

        var labels = new int[rows * m];
        var lineNumbers = new int[rows];
        for (int r = 0; r < rows; r++)
        {
            var (lineNumber, fields) = lines[r + 1];
            lineNumbers[r] = lineNumber;
            if (fields.Length != header.Length)
                throw new LabelErrorsInputException(displayName,
                    $"expected {header.Length} cells as in the header (one per annotator, empty for no label), found {fields.Length}", lineNumber);
            for (int j = 0; j < m; j++)
            {
                labels[r * m + j] = ParseCell(fields[first + j], ids[j], first + j + 1, lineNumber, displayName);
            }
        }

        return new AnnotatorLabelsInput(displayName, new AnnotatorLabels(labels, rows, ids), headerLine, lineNumbers);
    }

    private static int ParseCell(string value, string annotator, int column, int lineNumber, string displayName)
    {
        if (value.Length == 0) return AnnotatorLabels.Missing;
        if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer) && integer is >= 0 and <= int.MaxValue)
            return (int)integer;
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
        {
            if (double.IsNaN(real))
                throw new LabelErrorsInputException(displayName,
                    $"column {column} (annotator '{annotator}'): '{value}' is not a class index; leave the cell empty where the annotator gave no label", lineNumber);
            if (real >= 0 && real <= int.MaxValue && real == Math.Floor(real))
                return (int)real;
        }

        var reason = value.StartsWith('-')
            ? $"column {column} (annotator '{annotator}'): label {value} is negative; class indices start at 0"
            : $"column {column} (annotator '{annotator}'): '{value}' is not a class index (a whole number ≥ 0, or empty for no label)";
        throw new LabelErrorsInputException(displayName, reason, lineNumber);
    }
}
