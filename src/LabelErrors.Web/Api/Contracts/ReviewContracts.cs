using System.Text.Json.Serialization;
using LabelErrors.Web.Api.Naming;

namespace LabelErrors.Web.Api.Contracts;

/// <summary>
/// A review decision: <c>decision</c> is keep, accept, relabel (with <c>label</c>; on a multi-label upload with
/// <c>labels</c>, the example's whole set of class ids), exclude or needs_review.
/// </summary>
public sealed record ApiDecisionRequest(long Index, string Decision, int? Label, string? Note, IReadOnlyList<int>? Labels = null);

/// <summary>A recorded review decision.</summary>
public sealed record ApiDecision(long Index, string Decision, int? Label, string? Note, DateTimeOffset DecidedAt, IReadOnlyList<int>? Labels = null);

/// <summary>The example indexes whose last decision (or last bulk accept) was undone.</summary>
public sealed record ApiUndone(IReadOnlyList<long> Undone);

/// <summary>An example a bulk accept relabels to the suggested label.</summary>
public sealed record ApiBulkChange(long Index, int GivenLabel, int SuggestedLabel, double? LabelQuality);

/// <summary>The examples a bulk accept relabelled (or, with <see cref="Preview"/>, would relabel).</summary>
public sealed record ApiBulkAccept(bool Preview, IReadOnlyList<ApiBulkChange> Changes);

/// <summary>
/// A site visitor's answer to an example's question: one option in <see cref="Answer"/>, or <c>heard_labels</c>
/// with <see cref="Labels"/> (AudioSet: the labels heard, possibly none). <c>browser_id</c> is the previous
/// release's name of <see cref="BrowserId"/>, accepted until the next.
/// </summary>
public sealed record ApiVoteRequest(string? BrowserId, string? Answer, IReadOnlyList<string>? Labels = null) : ILegacyRequestBody
{
    [JsonPropertyName("browser_id")]
    [Obsolete("Send browserId.")]
    public string? LegacyBrowserId { get; init; }

#pragma warning disable CS0618 // reading the deprecated name is what keeps it working
    [JsonIgnore]
    public string Browser => BrowserId ?? LegacyBrowserId ?? "";

    [JsonIgnore]
    public bool UsesLegacyNames => LegacyBrowserId is not null;
#pragma warning restore CS0618
}

/// <summary>A report that the study's correction of an example is wrong (<c>browser_id</c> accepted as for votes).</summary>
public sealed record ApiReportRequest(string? BrowserId, string? Note) : ILegacyRequestBody
{
    [JsonPropertyName("browser_id")]
    [Obsolete("Send browserId.")]
    public string? LegacyBrowserId { get; init; }

#pragma warning disable CS0618
    [JsonIgnore]
    public string Browser => BrowserId ?? LegacyBrowserId ?? "";

    [JsonIgnore]
    public bool UsesLegacyNames => LegacyBrowserId is not null;
#pragma warning restore CS0618
}

/// <summary>The vote as counted, the visitors' tally after it, and whether they now dispute the workers' consensus.</summary>
public sealed record ApiVoteOutcome(string Answer, ApiVisitorVotes Tally, bool Disputed);

public sealed record ApiReported(bool Reported);
