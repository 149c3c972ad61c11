using LabelErrors.Core.ConfidentLearning;

namespace LabelErrors.Web.Jobs;

/// <summary>
/// Everything the analysis of an upload computed, per example and for the dataset, ready to be saved; outliers are null
/// where they were not computed (the rows then have no outlier score).
/// </summary>
public sealed record AnalysisResult(
    int[] Labels,
    int[] PredictedLabels,
    double[] LabelQuality,
    double[] NormalizedMargin,
    int[] RankedIssues,
    HealthSummary Health,
    UploadOutliers? Outliers = null)
{
    /// <summary>Multi-annotator uploads: every annotator's labels and cleanlab's result (see <see cref="MultiAnnotatorAnalysis"/>).</summary>
    public MultiAnnotatorOutcome? MultiAnnotator { get; init; }
}
