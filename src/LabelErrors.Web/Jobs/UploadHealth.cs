using System.Text.Json;
using System.Text.Json.Serialization;
using LabelErrors.Core.ConfidentLearning;

namespace LabelErrors.Web.Jobs;

/// <summary>
/// The health panel's data, stored as JSON with the dataset: per-class label quality and overlapping classes, and
/// (uploads analysed since outliers were added) the outlier count, their score bound and the class imbalance.
/// </summary>
public sealed record UploadHealth(
    [property: JsonPropertyName("classes")] IReadOnlyList<ClassLabelQuality> Classes,
    [property: JsonPropertyName("overlaps")] IReadOnlyList<ClassOverlap> Overlaps,
    [property: JsonPropertyName("issues")] int IssueCount,
    [property: JsonPropertyName("outliers")] int? OutlierCount = null,
    [property: JsonPropertyName("outlierThreshold")] double? OutlierThreshold = null,
    [property: JsonPropertyName("classImbalance")] UploadClassImbalance? ClassImbalance = null)
{
    /// <summary>At most this many overlapping class pairs are kept (the most overlapping first, as cleanlab orders them).</summary>
    public const int MaxOverlaps = 50;

    public static UploadHealth From(HealthSummary summary, int issueCount, UploadOutliers? outliers = null) =>
        new(summary.ClassesByLabelQuality, summary.OverlappingClasses.Take(MaxOverlaps).ToArray(), issueCount,
            outliers?.OutlierCount, outliers?.IssueThreshold, outliers?.ClassImbalance);

    public string ToJson() => JsonSerializer.Serialize(this);

    public static UploadHealth? FromJson(string? json) => json is null ? null : JsonSerializer.Deserialize<UploadHealth>(json);
}
