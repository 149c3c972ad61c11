namespace LabelErrors.Core.ConfidentLearning.MultiAnnotator;

/// <summary>One row of cleanlab's <c>annotator_stats</c>.</summary>
/// <param name="Annotator">Column index of the annotator in the labels.</param>
/// <param name="AnnotatorId">The annotator's id (CSV header).</param>
/// <param name="AnnotatorQuality">Overall quality of the annotator's labels; NaN when it shares no example with another annotator (cleanlab's NaN).</param>
/// <param name="AgreementWithConsensus">Fraction of its labels that equal the consensus label.</param>
/// <param name="WorstClass">The class it gets wrong most often.</param>
/// <param name="NumExamplesLabeled">How many examples it labelled.</param>
public sealed record AnnotatorStats(
    int Annotator,
    string AnnotatorId,
    double AnnotatorQuality,
    double AgreementWithConsensus,
    int WorstClass,
    int NumExamplesLabeled);
