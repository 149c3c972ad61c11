using System.Globalization;
using System.Text.Json;
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
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new LabelErrorsInputException(path, $"cannot read labels ({e.Message})", inner: e);
        }

        return Parse(text, path);
    }

    public static MultiLabelsInput Parse(string text, string fileName)
    {
        bool json = fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || text.AsSpan().TrimStart().StartsWith("[");
        var input = json ? ParseJson(text, fileName) : ParseText(text, fileName);
        if (input.Rows.Length == 0) throw new LabelErrorsInputException(fileName, "labels are empty");
        return input;
    }

    private static MultiLabelsInput ParseJson(string text, string fileName)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw new LabelErrorsInputException(fileName, $"not valid JSON ({e.Message})", inner: e);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
                throw new LabelErrorsInputException(fileName, "expected a JSON array with one array of class ids per example");
            var rows = new int[document.RootElement.GetArrayLength()][];
            int i = 0;
            foreach (var example in document.RootElement.EnumerateArray())
            {
                if (example.ValueKind != JsonValueKind.Array)
                    throw new LabelErrorsInputException(fileName, $"expected an array of class ids, found {Describe(example)}", i);
                var ids = new int[example.GetArrayLength()];
                int j = 0;
                foreach (var id in example.EnumerateArray())
                {
                    if (id.ValueKind != JsonValueKind.Number || !id.TryGetInt32(out int value) || value < 0)
                        throw new LabelErrorsInputException(fileName, $"{Describe(id)} is not a class id (a non-negative integer)", i);
                    ids[j++] = value;
                }

                rows[i++] = ids;
            }

            return new MultiLabelsInput(fileName, rows, FirstRowNumber: 0);
        }
    }

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

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number or JsonValueKind.String or JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null =>
            element.GetRawText().Length <= 40 ? element.GetRawText() : element.GetRawText()[..40] + "…",
        _ => $"a JSON {element.ValueKind.ToString().ToLowerInvariant()}",
    };
}
