using System.Text.Json;
using LabelErrors.Core.Validation;

namespace LabelErrors.Core.Formats;

/// <summary>Class names from a .json file (an array of strings) or a text file (one name per line).</summary>
public static class ClassNamesFile
{
    public static IReadOnlyList<string> Read(string path)
    {
        using var reader = TextLines.Open(path);
        return Path.GetExtension(path).Equals(".json", StringComparison.OrdinalIgnoreCase)
            ? ReadJson(reader, path)
            : ReadText(reader, path);
    }

    public static IReadOnlyList<string> ReadText(TextReader reader, string displayName)
    {
        var names = TextLines.Read(reader, displayName).Select(l => (l.LineNumber, Name: l.Text.Trim())).ToList();
        return Checked(names, displayName);
    }

    public static IReadOnlyList<string> ReadJson(TextReader reader, string displayName)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(reader.ReadToEnd());
        }
        catch (JsonException e)
        {
            throw new LabelErrorsInputException(displayName, $"invalid JSON: {e.Message}", e.LineNumber + 1);
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
                throw new LabelErrorsInputException(displayName, "expected a JSON array of class names, e.g. [\"cat\", \"dog\"]");
            var names = new List<(int, string)>();
            var position = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                position++;
                if (element.ValueKind != JsonValueKind.String)
                    throw new LabelErrorsInputException(displayName, $"element {position} of the array is not a string");
                names.Add((position, element.GetString()!));
            }
            return Checked(names, displayName, positionKind: "element");
        }
    }

    private static IReadOnlyList<string> Checked(List<(int Position, string Name)> names, string displayName, string positionKind = "line")
    {
        if (names.Count == 0)
            throw new LabelErrorsInputException(displayName, "no class names");
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (position, name) in names)
        {
            // Text files report the line number as the row; JSON arrays name the element instead.
            long? row = positionKind == "line" ? position : null;
            var where = row is null ? $"{positionKind} {position}: " : "";
            if (name.Length == 0)
                throw new LabelErrorsInputException(displayName, $"{where}empty class name", row);
            if (!seen.TryAdd(name, position))
                throw new LabelErrorsInputException(displayName, $"{where}class name '{name}' already appears at {positionKind} {seen[name]}", row);
        }
        return names.Select(n => n.Name).ToArray();
    }
}
