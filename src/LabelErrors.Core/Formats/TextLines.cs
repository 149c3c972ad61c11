using LabelErrors.Core.Validation;

namespace LabelErrors.Core.Formats;

/// <summary>
/// Reads the lines of a text input with their 1-based line numbers. Leading and trailing empty lines are dropped;
/// an empty line between data lines is an error, because it usually means a broken export.
/// </summary>
internal static class TextLines
{
    public static List<(int LineNumber, string Text)> Read(TextReader reader, string displayName)
    {
        var lines = new List<(int, string)>();
        var lineNumber = 0;
        int? firstEmptyLine = null;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                // Blank lines before the first data line are harmless; only gaps inside the data are refused.
                if (lines.Count > 0)
                    firstEmptyLine ??= lineNumber;
                continue;
            }
            if (firstEmptyLine is { } empty)
                throw new LabelErrorsInputException(displayName, "empty line between data lines", empty);
            lines.Add((lineNumber, line));
        }
        return lines;
    }

    public static StreamReader Open(string path) => new(FileErrors.OpenRead(path), detectEncodingFromByteOrderMarks: true);
}
