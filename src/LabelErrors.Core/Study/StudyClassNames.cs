using System.Text.Json;

namespace LabelErrors.Core.Study;

/// <summary>Reads <c>label-errors/classes.json</c>: a JSON object of dataset key → list of class names.</summary>
public static class StudyClassNames
{
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Parse(ReadOnlySpan<byte> json)
    {
        var parsed = JsonSerializer.Deserialize<Dictionary<string, List<string>>>(json)
            ?? throw new InvalidDataException("classes.json is empty");
        return parsed.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<string>)pair.Value);
    }
}
