using System.Globalization;
using System.Text;

namespace LabelErrors.Web.Uploads;

/// <summary>
/// Text content as CSV <c>index,text</c> (RFC 4180: quoted fields may hold commas, quotes and line breaks; an optional
/// header <c>index,text</c>). Indices must be example indices, each at most once; texts may not look like formulas.
/// </summary>
public static class TextContentCsv
{
    public static IEnumerable<(int Index, string Text)> Read(string path, string displayName, int exampleCount)
    {
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        var seen = new HashSet<int>();
        var record = 0;
        foreach (var (line, fields) in Records(reader, displayName))
        {
            record++;
            if (record == 1 && fields.Count == 2 && fields[0].Trim().Equals("index", StringComparison.OrdinalIgnoreCase))
                continue;
            if (fields.Count != 2)
                throw Reject(displayName, line, $"expected 2 fields (index,text), got {fields.Count}");
            if (!int.TryParse(fields[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                throw Reject(displayName, line, $"index '{fields[0]}' is not a whole number ≥ 0");
            if (index >= exampleCount)
                throw Reject(displayName, line, $"index {index} is out of range; the labels have {exampleCount} examples (0..{exampleCount - 1})");
            if (!seen.Add(index))
                throw Reject(displayName, line, $"a second text for example {index}");
            if (SpreadsheetFormulas.LooksLikeFormula(fields[1]))
                throw Reject(displayName, line, "the text starts like a spreadsheet formula (= + - @)");
            yield return (index, fields[1]);
        }
    }

    public static int Validate(StagedFile file, int exampleCount, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var _ in Read(file.Path, file.FileName, exampleCount))
        {
            if (++count % 10_000 == 0)
                cancellationToken.ThrowIfCancellationRequested();
        }
        if (count == 0)
            throw new UploadRejectedException(UploadField.Content, $"{file.FileName}: no texts");
        return count;
    }

    private static IEnumerable<(int Line, List<string> Fields)> Records(TextReader reader, string displayName)
    {
        var line = 1;
        while (reader.Peek() >= 0)
        {
            var startLine = line;
            var fields = new List<string>();
            var field = new StringBuilder();
            var quoted = false;
            var wasQuoted = false;
            while (true)
            {
                var next = reader.Read();
                if (next < 0)
                {
                    if (quoted)
                        throw Reject(displayName, startLine, "unterminated quoted field");
                    break;
                }
                var c = (char)next;
                if (quoted)
                {
                    if (c == '"')
                    {
                        if (reader.Peek() == '"')
                        {
                            reader.Read();
                            field.Append('"');
                        }
                        else
                            quoted = false;
                    }
                    else
                    {
                        if (c == '\n')
                            line++;
                        field.Append(c);
                    }
                    continue;
                }
                if (c == '"' && field.Length == 0 && !wasQuoted)
                {
                    quoted = wasQuoted = true;
                    continue;
                }
                if (c == ',')
                {
                    fields.Add(field.ToString());
                    field.Clear();
                    wasQuoted = false;
                    continue;
                }
                if (c == '\r')
                    continue;
                if (c == '\n')
                {
                    line++;
                    break;
                }
                field.Append(c);
            }
            fields.Add(field.ToString());
            if (fields.Count == 1 && fields[0].Length == 0)
                continue; // blank line
            yield return (startLine, fields);
        }
    }

    private static UploadRejectedException Reject(string displayName, int line, string reason) =>
        new(UploadField.Content, $"{displayName}: row {line}: {reason}");
}
