namespace LabelErrors.Web.Api.Contracts;

/// <summary>
/// A queued upload: follow <see cref="JobUrl"/>; <see cref="ShareUrl"/> is the unlisted page; <see cref="OwnerKey"/>
/// (shown once) deletes the upload and records review decisions (header X-Owner-Key).
/// </summary>
public sealed record ApiUploadAccepted(string Token, string JobUrl, string ShareUrl, string OwnerKey, IReadOnlyList<string> Warnings);

/// <summary>
/// The analysis job of an upload. <see cref="State"/>: queued, running, succeeded, failed or cancelled;
/// <see cref="IssuesCsv"/> is set once it succeeded.
/// </summary>
public sealed record ApiUploadJob(
    Guid Id,
    string State,
    string Stage,
    double Percent,
    int Attempts,
    string? Error,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string ShareUrl,
    string? IssuesCsv);

public sealed record ApiJobCancelled(string State);
