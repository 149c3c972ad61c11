using System.Globalization;
using LabelErrors.Core.Validation;

namespace LabelErrors.Core.Formats;

/// <summary>
/// Labels from a CSV or text file: one label per line, as an integer class index or as a class name
/// (when class names are known). An optional first line naming the column (label, labels, given_label,
/// class, target, y) is skipped. Parsing is culture-invariant.
/// </summary>
public static class LabelsCsv
{
    private static readonly HashSet<string> HeaderWords =
        new(["label", "labels", "given_label", "class", "class_name", "target", "y"], StringComparer.OrdinalIgnoreCase);

    public static LabelsInput Read(string path, IReadOnlyList<string>? classNames = null)
    {
        using var reader = TextLines.Open(path);
        return Read(reader, path, classNames);
    }

    public static LabelsInput Read(TextReader reader, string displayName, IReadOnlyList<string>? classNames = null)
    {
        var lines = CsvInput.ReadLines(reader, (reason, line) => new LabelErrorsInputException(displayName, reason, line));
        var indexByName = classNames?
            .Select((name, index) => (name, index))
            .ToDictionary(p => p.name, p => p.index, StringComparer.Ordinal);

        var start = 0;
        if (lines.Count > 0)
        {
            var first = SingleField(lines[0].Fields, lines[0].LineNumber, displayName);
            if (HeaderWords.Contains(first) && indexByName?.ContainsKey(first) != true)
                start = 1;
        }
        if (lines.Count == start)
            throw new LabelErrorsInputException(displayName, "no labels");

        var labels = new int[lines.Count - start];
        for (var i = 0; i < labels.Length; i++)
        {
            var (lineNumber, fields) = lines[start + i];
            labels[i] = ParseLabel(SingleField(fields, lineNumber, displayName), indexByName, lineNumber, displayName);
        }
        return new LabelsInput(displayName, labels, lines[start].LineNumber);
    }

    private static string SingleField(string[] fields, int lineNumber, string displayName)
    {
        if (fields.Length != 1)
            throw new LabelErrorsInputException(displayName, $"expected one label per line, found {fields.Length} values", lineNumber);
        return fields[0];
    }

    // A class name wins over an integer reading, so names such as "0".."9" map by position in the class list.
    private static int ParseLabel(string value, Dictionary<string, int>? indexByName, int lineNumber, string displayName)
    {
        if (indexByName is not null && indexByName.TryGetValue(value, out var index))
            return index;
        if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
            return integer is >= int.MinValue and <= int.MaxValue
                ? (int)integer
                : throw new LabelErrorsInputException(displayName, $"label {value} is outside the supported range", lineNumber);
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) &&
            double.IsFinite(real) && real == Math.Floor(real) && Math.Abs(real) <= int.MaxValue)
            return (int)real;

        var reason = indexByName is null
            ? $"label '{value}' is not an integer (pass --class-names to use class names)"
            : $"label '{value}' is neither a class name nor an integer";
        throw new LabelErrorsInputException(displayName, reason, lineNumber);
    }
}
