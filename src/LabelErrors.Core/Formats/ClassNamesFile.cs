using System.Text.Json;
using LabelErrors.Core.Validation;

namespace LabelErrors.Core.Formats;

/// <summary>
/// Class names from a .json file (an array of strings) or a text file (one name per line).
/// <c>file.json#key</c> takes the array under <c>key</c> of a JSON object, as in the study's classes.json
/// (<c>classes.json#mnist_test_set</c>).
/// </summary>
public static class ClassNamesFile
{
    public static IReadOnlyList<string> Read(string path)
    {
        var (file, key) = SplitKey(path);
        using var reader = TextLines.Open(file);
        return key is not null || Path.GetExtension(file).Equals(".json", StringComparison.OrdinalIgnoreCase)
            ? ReadJson(reader, path, key)
            : ReadText(reader, path);
    }

    // "a.json#key" names a key only when "a.json#key" itself is not an existing file.
    private static (string File, string? Key) SplitKey(string path)
    {
        var hash = path.LastIndexOf('#');
        if (hash <= 0 || hash == path.Length - 1 || File.Exists(path))
            return (path, null);
        return (path[..hash], path[(hash + 1)..]);
    }

    public static IReadOnlyList<string> ReadText(TextReader reader, string displayName)
    {
        var names = TextLines.Read(reader, displayName).Select(l => (l.LineNumber, Name: l.Text.Trim())).ToList();
        return Checked(names, displayName);
    }

    public static IReadOnlyList<string> ReadJson(TextReader reader, string displayName, string? key = null)
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
            var root = document.RootElement;
            if (key is not null)
            {
                if (root.ValueKind != JsonValueKind.Object)
                    throw new LabelErrorsInputException(displayName, $"'#{key}' selects a key, but the file is not a JSON object");
                if (!root.TryGetProperty(key, out root))
                    throw new LabelErrorsInputException(displayName, $"no key '{key}'; keys are {KeyList(document.RootElement)}");
            }
            if (root.ValueKind == JsonValueKind.Object)
                throw new LabelErrorsInputException(displayName, $"expected a JSON array of class names; this is an object, select one of its arrays with FILE#KEY (keys: {KeyList(root)})");
            if (root.ValueKind != JsonValueKind.Array)
                throw new LabelErrorsInputException(displayName, "expected a JSON array of class names, e.g. [\"cat\", \"dog\"]");
            var names = new List<(int, string)>();
            var position = 0;
            foreach (var element in root.EnumerateArray())
            {
                position++;
                if (element.ValueKind != JsonValueKind.String)
                    throw new LabelErrorsInputException(displayName, $"element {position} of the array is not a string");
                names.Add((position, element.GetString()!));
            }
            return Checked(names, displayName, positionKind: "element");
        }
    }

    private static string KeyList(JsonElement obj)
    {
        var keys = obj.EnumerateObject().Select(p => p.Name).ToList();
        return keys.Count <= 12 ? string.Join(", ", keys) : string.Join(", ", keys.Take(12)) + $", … ({keys.Count} in all)";
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
