using System.Globalization;
using LabelErrors.Core.Validation;

namespace LabelErrors.Core.Formats;

/// <summary>
/// Predicted probabilities from a CSV file: one row per example, one column per class, with or without a
/// header row (a first line with any non-numeric field is a header). Culture-invariant; Python's
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
        var lines = TextLines.Read(reader, displayName);
        if (lines.Count == 0)
            throw new LabelErrorsInputException(displayName, "no rows");

        var firstFields = Split(lines[0].Text, lines[0].LineNumber, displayName);
        var hasHeader = firstFields.Any(f => !TryParse(f, out _));
        var start = hasHeader ? 1 : 0;
        if (lines.Count == start)
            throw new LabelErrorsInputException(displayName, "no data rows after the header");

        var columns = firstFields.Count;
        var rows = lines.Count - start;
        if ((long)rows * columns > Array.MaxLength)
            throw new LabelErrorsInputException(displayName, $"{rows}×{columns} values are too many for a CSV; use .npy");

        var data = new double[rows * columns];
        for (var r = 0; r < rows; r++)
        {
            var (lineNumber, text) = lines[start + r];
            var fields = r == 0 && !hasHeader ? firstFields : Split(text, lineNumber, displayName);
            if (fields.Count != columns)
                throw new LabelErrorsInputException(displayName,
                    $"expected {columns} values ({(hasHeader ? "as in the header" : "as in the first row")}), found {fields.Count}", lineNumber);
            for (var c = 0; c < columns; c++)
            {
                if (!TryParse(fields[c], out data[r * columns + c]))
                    throw new LabelErrorsInputException(displayName, $"column {c + 1}: '{fields[c]}' is not a number", lineNumber);
            }
        }
        return new PredProbsInput(displayName, ProbabilityMatrix.FromDoubles(data, rows, columns), lines[start].LineNumber);
    }

    private static List<string> Split(string line, int lineNumber, string displayName) =>
        CsvFields.Split(line, out var error) ?? throw new LabelErrorsInputException(displayName, error!, lineNumber);

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
