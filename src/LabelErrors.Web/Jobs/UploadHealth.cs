using System.Text.Json;
using System.Text.Json.Serialization;
using LabelErrors.Core.ConfidentLearning;

namespace LabelErrors.Web.Jobs;

/// <summary>The health panel's data, stored as JSON with the dataset: per-class label quality and overlapping classes.</summary>
public sealed record UploadHealth(
    [property: JsonPropertyName("classes")] IReadOnlyList<ClassLabelQuality> Classes,
    [property: JsonPropertyName("overlaps")] IReadOnlyList<ClassOverlap> Overlaps,
    [property: JsonPropertyName("issues")] int IssueCount)
{
    /// <summary>At most this many overlapping class pairs are kept (the most overlapping first, as cleanlab orders them).</summary>
    public const int MaxOverlaps = 50;

    public static UploadHealth From(HealthSummary summary, int issueCount) =>
        new(summary.ClassesByLabelQuality, summary.OverlappingClasses.Take(MaxOverlaps).ToArray(), issueCount);

    public string ToJson() => JsonSerializer.Serialize(this);

    public static UploadHealth? FromJson(string? json) => json is null ? null : JsonSerializer.Deserialize<UploadHealth>(json);
}
