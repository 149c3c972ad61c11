using System.Globalization;
using LabelErrors.Core.Validation;

namespace LabelErrors.Core.Formats;

/// <summary>
/// Reads multi-label given labels: JSON (an array with one array of class ids per example; <c>.json</c>, or text
/// starting with '[') or text (one example per line, class ids separated by commas, an empty line = no label).
/// Problems surface as a one-line <see cref="LabelErrorsInputException"/> naming the file and row.
/// </summary>
public static class MultiLabelsFile
{
    public static MultiLabelsInput Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new LabelErrorsInputException(path, $"cannot read labels ({e.Message})", inner: e);
        }

        var utf8 = bytes.AsSpan();
        if (utf8.StartsWith(Utf8Bom)) utf8 = utf8[Utf8Bom.Length..];
        else if (utf8.StartsWith(new byte[] { 0xFE, 0xFF }) || utf8.StartsWith(new byte[] { 0xFF, 0xFE }))
            return Parse(ReadText(path), path); // UTF-16/32: decoded as text first

        bool json = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || utf8.TrimStart(" \t\r\n"u8).StartsWith("["u8);
        return Checked(json ? MultiLabelsJson.Parse(utf8, path) : ParseText(System.Text.Encoding.UTF8.GetString(utf8), path), path);
    }

    public static MultiLabelsInput Parse(string text, string fileName)
    {
        bool json = fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || text.AsSpan().TrimStart().StartsWith("[");
        var input = json ? MultiLabelsJson.Parse(System.Text.Encoding.UTF8.GetBytes(text.TrimStart('\uFEFF')), fileName) : ParseText(text, fileName);
        return Checked(input, fileName);
    }

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static string ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new LabelErrorsInputException(path, $"cannot read labels ({e.Message})", inner: e);
        }
    }

    private static MultiLabelsInput Checked(MultiLabelsInput input, string fileName) =>
        input.Rows.Length == 0 ? throw new LabelErrorsInputException(fileName, "labels are empty") : input;

    private static MultiLabelsInput ParseText(string text, string fileName)
    {
        var lines = text.Split('\n');
        int count = lines.Length;
        if (count > 0 && lines[^1].Length == 0) count--; // the final line break ends the last line, it adds no example
        var rows = new int[count][];
        for (int i = 0; i < count; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (i == 0) line = line.TrimStart('\uFEFF');
            if (line.Trim().Length == 0)
            {
                rows[i] = [];
                continue;
            }

            var fields = line.Split(',');
            var ids = new int[fields.Length];
            for (int j = 0; j < fields.Length; j++)
            {
                var field = fields[j].Trim();
                if (!int.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out ids[j]))
                    throw new LabelErrorsInputException(fileName, $"'{field}' is not a class id (a non-negative integer; class ids are separated by commas)", i + 1);
            }

            rows[i] = ids;
        }

        return new MultiLabelsInput(fileName, rows, FirstRowNumber: 1);
    }
}
