using LabelErrors.Data.Entities;

namespace LabelErrors.Web.Uploads;

/// <summary>What validation learned about an upload: its size, class names, content and warnings worth showing.</summary>
public sealed record ValidatedUpload(
    int ExampleCount,
    int ClassCount,
    IReadOnlyList<string>? ClassNames,
    UploadContentKind Content,
    int ContentItems,
    IReadOnlyList<string> Warnings);
