namespace LabelErrors.Web.Api.Contracts;

/// <summary>The options a corrected test set was built with.</summary>
public sealed record ApiCorrectionOptions(int MinAgreement, string MultiLabel, string Neither, string NonAgreement);

/// <summary>Accuracies are fractions (0…1), null when their subset is empty.</summary>
public sealed record ApiModelScore(
    string Name,
    int OriginalRank,
    int CorrectedRank,
    int RankChange,
    int Examples,
    double? AccuracyOriginal,
    int KeptExamples,
    double? AccuracyCorrected,
    int ValidatedErrors,
    double? ValidatedAccuracyOriginal,
    double? ValidatedAccuracyCorrected,
    int ChangedExamples,
    int AgreeWithGiven,
    int AgreeWithCorrected);

/// <summary>Models ranked on the original and on the corrected labels, best on the original labels first.</summary>
public sealed record ApiScoreReport(string Dataset, ApiCorrectionOptions Options, bool OrderChanges, IReadOnlyList<ApiModelScore> Models);
