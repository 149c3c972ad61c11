namespace LabelErrors.Web.Api.Contracts;

/// <summary>An example of a multi-label upload a bulk accept gives its suggested label set.</summary>
public sealed record ApiMultiLabelBulkChange(long Index, IReadOnlyList<int> GivenLabels, IReadOnlyList<int> SuggestedLabels, double? LabelQuality);

/// <summary>The examples of a multi-label upload a bulk accept relabelled (or, with <see cref="Preview"/>, would relabel).</summary>
public sealed record ApiMultiLabelBulkAccept(bool Preview, IReadOnlyList<ApiMultiLabelBulkChange> Changes);
