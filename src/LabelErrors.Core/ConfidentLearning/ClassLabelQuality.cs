namespace LabelErrors.Core.ConfidentLearning;

/// <summary>One row of cleanlab's <c>rank_classes_by_label_quality</c> DataFrame.</summary>
/// <param name="ClassIndex">Class index.</param>
/// <param name="LabelIssues">Estimated examples given this class whose true class differs (rounded).</param>
/// <param name="InverseLabelIssues">Estimated examples truly of this class given another label (rounded).</param>
/// <param name="LabelNoise">Fraction of the class's given labels that are wrong.</param>
/// <param name="InverseLabelNoise">Fraction of the class's true examples that carry another label.</param>
/// <param name="LabelQualityScore">1 − <paramref name="LabelNoise"/>.</param>
public sealed record ClassLabelQuality(
    int ClassIndex,
    long LabelIssues,
    long InverseLabelIssues,
    double LabelNoise,
    double InverseLabelNoise,
    double LabelQualityScore);
