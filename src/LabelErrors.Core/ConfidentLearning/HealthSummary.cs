namespace LabelErrors.Core.ConfidentLearning;

/// <summary>cleanlab's <c>dataset.health_summary</c> result.</summary>
public sealed record HealthSummary(
    double OverallLabelHealthScore,
    double[,] Joint,
    IReadOnlyList<ClassLabelQuality> ClassesByLabelQuality,
    IReadOnlyList<ClassOverlap> OverlappingClasses);
