using System.Text.Json;
using System.Text.Json.Serialization;

namespace LabelErrors.Web.Browse;

/// <summary>One of the cross-validated model's most probable classes for an example.</summary>
public sealed record TopPrediction(
    [property: JsonPropertyName("label")] int Label,
    [property: JsonPropertyName("probability")] double Probability)
{
    /// <summary>Reads <c>Example.TopPredictionsJson</c>; empty when absent or unreadable (the page then omits the table).</summary>
    public static IReadOnlyList<TopPrediction> ParseList(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
            return [];
        try
        {
            return JsonSerializer.Deserialize<List<TopPrediction>>(json) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
