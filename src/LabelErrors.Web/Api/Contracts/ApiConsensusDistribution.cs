namespace LabelErrors.Web.Api.Contracts;

/// <summary>
/// A multi-annotator upload's distributions (the results page's charts): examples per bucket of width 0.1 of the
/// consensus quality score and of the annotator agreement (the last bucket includes 1), how many examples all
/// annotators agreed on, how many there are and how many are flagged for review.
/// </summary>
public sealed record ApiConsensusDistribution(
    IReadOnlyList<string> Buckets, IReadOnlyList<long> ConsensusQuality, IReadOnlyList<long> AnnotatorAgreement, long Unanimous, long Examples, long Flagged);
