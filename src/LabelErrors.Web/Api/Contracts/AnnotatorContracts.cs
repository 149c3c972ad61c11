namespace LabelErrors.Web.Api.Contracts;

/// <summary>
/// One annotator of a multi-annotator upload: cleanlab's annotator_stats row. <see cref="AnnotatorQuality"/> is null
/// where cleanlab gives NaN (the annotator shares no example with another annotator).
/// </summary>
public sealed record ApiAnnotatorStats(
    string Annotator,
    double? AnnotatorQuality,
    double AgreementWithConsensus,
    int WorstClass,
    string WorstClassName,
    int NumExamplesLabeled);

/// <summary>One example's consensus: cleanlab's label_quality row (the CLI's multiannotator columns).</summary>
public sealed record ApiConsensusLabel(long Index, int ConsensusLabel, double ConsensusQualityScore, double AnnotatorAgreement, int NumAnnotations);

/// <summary>A page of the consensus table in index order; <see cref="Total"/> counts every example.</summary>
public sealed record ApiConsensusPage(IReadOnlyList<ApiConsensusLabel> Items, int Total, int Offset, int Limit);
