namespace LabelErrors.Data.Entities;

/// <summary>
/// The upload side of a <see cref="Dataset"/> (owned, same table): how it is reached and who may delete it, where its
/// files are, and the health summary computed with its label issues.
/// </summary>
public sealed class UploadInfo
{
    /// <summary>128 random bits, base64url (22 characters): the only way to reach an unlisted upload (<c>/u/{token}</c>).</summary>
    public required string ShareToken { get; set; }

    /// <summary>SHA-256 (hex) of the owner key shown once after the upload; the key itself is never stored.</summary>
    public required string OwnerKeyHash { get; set; }

    /// <summary>Shown in the public lists; unlisted uploads are reachable only through the share link.</summary>
    public bool IsListed { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Folder of the uploaded files, relative to the configured uploads root.</summary>
    public required string StoragePath { get; set; }

    public string LabelsFile { get; set; } = "";
    public string PredProbsFile { get; set; } = "";
    public string? ClassNamesFile { get; set; }

    /// <summary>The kind of labels (multi-class, multi-label, multi-annotator): which analysis the job runs.</summary>
    public UploadTask Task { get; set; }

    /// <summary>What content came with the upload: none, images (a zip of <c>{index}.png</c>…) or text (CSV <c>index,text</c>).</summary>
    public UploadContentKind Content { get; set; }

    /// <summary>cleanlab's overall_label_health_score, once the analysis succeeded.</summary>
    public double? HealthScore { get; set; }

    /// <summary>Per-class label quality and overlapping classes (JSON), once the analysis succeeded.</summary>
    public string? HealthJson { get; set; }
}
