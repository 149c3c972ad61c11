using System.Text.Json;

namespace LabelErrors.Data.Json;

/// <summary>
/// Reads and writes the typed values kept in jsonb columns (top predictions, label votes, tallies) with
/// System.Text.Json, in one place. The columns stay jsonb strings in the model: a typed serializer over them needs no
/// schema change, and the importer's binary COPY writes the same text.
/// </summary>
public static class JsonbValue
{
    /// <summary>The value, or null when the column is empty or does not hold a <typeparamref name="T"/> (a page then leaves it out).</summary>
    public static T? Read<T>(string? json) where T : class
    {
        if (string.IsNullOrWhiteSpace(json))
            return null;
        try
        {
            return JsonSerializer.Deserialize<T>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string Write<T>(T value) => JsonSerializer.Serialize(value);
}
