using LabelErrors.Core.ConfidentLearning.MultiAnnotator;

namespace LabelErrors.Web.Jobs;

/// <summary>What a multi-annotator analysis adds to the example rows: every annotator's labels and cleanlab's result.</summary>
public sealed record MultiAnnotatorOutcome(AnnotatorLabels Labels, MultiAnnotatorResult Result);
