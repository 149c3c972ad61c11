namespace LabelErrors.Web.Api.Contracts;

/// <summary>One class of a multi-label upload: how many examples have it flagged "label wrong" and "label missing".</summary>
public sealed record ApiClassIssueCounts(int ClassIndex, string ClassName, int LabelWrong, int LabelMissing);

/// <summary>Examples whose label quality lies in [from, to) (the last bin includes 1), flagged and not flagged.</summary>
public sealed record ApiQualityBin(double From, double To, int Flagged, int NotFlagged);

/// <summary>The data behind a multi-label upload's charts.</summary>
public sealed record ApiMultiLabelCharts(int Examples, int FlaggedExamples, IReadOnlyList<ApiClassIssueCounts> Classes, IReadOnlyList<ApiQualityBin> LabelQuality);
