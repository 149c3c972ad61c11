using LabelErrors.Core.ConfidentLearning;

namespace LabelErrors.Web.Jobs;

/// <summary>Everything the analysis of an upload computed, per example and for the dataset, ready to be saved.</summary>
public sealed record AnalysisResult(
    int[] Labels,
    int[] PredictedLabels,
    double[] LabelQuality,
    double[] NormalizedMargin,
    int[] RankedIssues,
    HealthSummary Health)
{
    /// <summary>Multi-annotator uploads: every annotator's labels and cleanlab's result (see <see cref="MultiAnnotatorAnalysis"/>).</summary>
    public MultiAnnotatorOutcome? MultiAnnotator { get; init; }
}
