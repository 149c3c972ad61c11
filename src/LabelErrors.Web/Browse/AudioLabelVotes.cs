using System.Text.Json;

namespace LabelErrors.Web.Browse;

/// <summary>AudioSet's votes per label name (the study asked which of the given and guessed labels apply).</summary>
public static class AudioLabelVotes
{
    public static IReadOnlyDictionary<string, int> Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
            return new Dictionary<string, int>();
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, int>>(json) ?? [];
        }
        catch (JsonException)
        {
            return new Dictionary<string, int>();
        }
    }
}
