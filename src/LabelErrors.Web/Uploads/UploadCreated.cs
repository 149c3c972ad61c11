namespace LabelErrors.Web.Uploads;

/// <summary>A queued upload: its share token and the owner key (shown once; only its hash is stored).</summary>
public sealed record UploadCreated(string ShareToken, string OwnerKey, Guid JobId, int DatasetId, IReadOnlyList<string> Warnings)
{
    public string JobUrl => UploadUrls.Job(ShareToken);

    public string ShareUrl => UploadUrls.Share(ShareToken);
}
