using System.Globalization;
using LabelErrors.Core.Validation;
using LabelErrors.Core.ConfidentLearning;

namespace LabelErrors.Core.Formats;

/// <summary>
/// Predicted probabilities from a CSV file: one row per example, one column per class, with or without a
/// header row (see <see cref="IsHeader"/>); an unnamed first header field marks a pandas index column, which
/// is skipped. Culture-invariant; Python's
/// "nan"/"inf" spellings are read so that validation can report them by row and column.
/// </summary>
public static class PredProbsCsv
{
    public static PredProbsInput Read(string path)
    {
        using var reader = TextLines.Open(path);
        return Read(reader, path);
    }

    public static PredProbsInput Read(TextReader reader, string displayName)
    {
        var lines = CsvInput.ReadLines(reader, (reason, line) => new LabelErrorsInputException(displayName, reason, line));
        if (lines.Count == 0)
            throw new LabelErrorsInputException(displayName, "no rows");

        var firstFields = lines[0].Fields;
        var hasHeader = IsHeader(firstFields);
        var start = hasHeader ? 1 : 0;
        if (lines.Count == start)
            throw new LabelErrorsInputException(displayName, "no data rows after the header");

        // pandas' DataFrame.to_csv writes the row index as an unnamed first column.
        var skipIndexColumn = hasHeader && firstFields.Length > 1 && firstFields[0].Length == 0;
        var firstColumn = skipIndexColumn ? 1 : 0;
        var fieldCount = firstFields.Length;
        var columns = fieldCount - firstColumn;
        var rows = lines.Count - start;
        if ((long)rows * columns > Array.MaxLength)
            throw new LabelErrorsInputException(displayName, $"{rows}×{columns} values are too many for a CSV; use .npy");

        var data = new double[rows * columns];
        for (var r = 0; r < rows; r++)
        {
            var (lineNumber, fields) = lines[start + r];
            if (fields.Length != fieldCount)
                throw new LabelErrorsInputException(displayName,
                    $"expected {fieldCount} values ({(hasHeader ? "as in the header" : "as in the first row")}), found {fields.Length}", lineNumber);
            for (var c = 0; c < columns; c++)
            {
                var field = fields[firstColumn + c];
                if (!TryParse(field, out data[r * columns + c]))
                    throw new LabelErrorsInputException(displayName, $"column {firstColumn + c + 1}: '{field}' is not a number", lineNumber);
            }
        }
        return new PredProbsInput(displayName, PredProbs.FromDouble(data, rows, columns), lines[start].LineNumber);
    }

    /// <summary>
    /// A first line is a header when any field is not a number, or when it reads exactly 0, 1, …, K−1 with K ≥ 3
    /// (pandas' default column names; no probability row can look like that).
    /// </summary>
    private static bool IsHeader(string[] fields)
    {
        if (fields.Any(f => !TryParse(f, out _)))
            return true;
        return fields.Length >= 3 && fields.Select((f, i) => f == i.ToString(CultureInfo.InvariantCulture)).All(match => match);
    }

    private static bool TryParse(string field, out double value)
    {
        switch (field.ToLowerInvariant())
        {
            case "nan" or "-nan": value = double.NaN; return true;
            case "inf" or "+inf" or "infinity": value = double.PositiveInfinity; return true;
            case "-inf" or "-infinity": value = double.NegativeInfinity; return true;
        }
        return double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }
}
