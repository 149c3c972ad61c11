using System.Text.Json.Serialization;

namespace LabelErrors.Web.Jobs;

/// <summary>
/// An upload's outliers (Datalab's outlier issue from pred_probs: score and flag per example, the score bound) and its
/// class imbalance (Datalab's class_imbalance issue: the rarest class and whether it counts as imbalance).
/// </summary>
public sealed record UploadOutliers(double[] Scores, bool[] IsOutlier, double IssueThreshold, UploadClassImbalance ClassImbalance)
{
    public int OutlierCount => IsOutlier.Count(o => o);
}

/// <summary>Datalab's class_imbalance verdict: the rarest class, its share of the examples, and the share below which it is an issue.</summary>
public sealed record UploadClassImbalance(
    [property: JsonPropertyName("rarestClass")] int RarestClass,
    [property: JsonPropertyName("rarestClassCount")] long RarestClassCount,
    [property: JsonPropertyName("rarestClassShare")] double RarestClassShare,
    [property: JsonPropertyName("shareThreshold")] double ShareThreshold,
    [property: JsonPropertyName("imbalanced")] bool Imbalanced);
