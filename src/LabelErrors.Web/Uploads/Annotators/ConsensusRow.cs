namespace LabelErrors.Web.Uploads.Annotators;

/// <summary>One row of cleanlab's label_quality for a multi-annotator upload (the CLI's multiannotator columns).</summary>
public sealed record ConsensusRow(long Index, int ConsensusLabel, double ConsensusQualityScore, double AnnotatorAgreement, int NumAnnotations);
