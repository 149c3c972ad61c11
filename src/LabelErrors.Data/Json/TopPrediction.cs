using System.Text.Json.Serialization;

namespace LabelErrors.Data.Json;

/// <summary>One of the cross-validated model's most probable classes for an example (<c>examples.top_predictions_json</c>).</summary>
public sealed record TopPrediction(
    [property: JsonPropertyName("label")] int Label,
    [property: JsonPropertyName("probability")] double Probability)
{
    /// <summary>Reads <c>Example.TopPredictionsJson</c>; empty when absent or unreadable (the page then omits the table).</summary>
    public static IReadOnlyList<TopPrediction> ParseList(string? json) => JsonbValue.Read<List<TopPrediction>>(json) ?? [];

    public static string ToJson(IEnumerable<TopPrediction> predictions) => JsonbValue.Write(predictions.ToList());
}
