namespace LabelErrors.Web.Review.MultiAnnotator;

/// <summary>
/// How a multi-annotator upload's examples spread over consensus quality and annotator agreement: counts per bucket of
/// width 0.1 on [0, 1] (the last bucket includes 1), plus how many examples all annotators agreed on.
/// </summary>
public sealed record ConsensusDistribution(
    IReadOnlyList<string> Buckets, long[] ConsensusQuality, long[] AnnotatorAgreement, long Unanimous, long Examples, long Flagged);
