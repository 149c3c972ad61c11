using LabelErrors.Data.Entities;

namespace LabelErrors.Web.Uploads;

/// <summary>
/// The <c>task</c> field of an upload (form and <c>POST /api/v1/uploads</c>): which kind of labels the files hold,
/// named in kebab case. Left out, an upload is multi-class, as every upload was before the field existed.
/// </summary>
public static class UploadTasks
{
    public const string Field = "task";

    public const string MultiClass = "multi-class";
    public const string MultiLabel = "multi-label";
    public const string MultiAnnotator = "multi-annotator";

    public static IReadOnlyList<string> Names { get; } = [MultiClass, MultiLabel, MultiAnnotator];

    public static string Name(UploadTask task) => task switch
    {
        UploadTask.MultiLabel => MultiLabel,
        UploadTask.MultiAnnotator => MultiAnnotator,
        _ => MultiClass,
    };

    /// <summary>The task a field value names; blank means multi-class. Anything else is refused naming the field.</summary>
    public static UploadTask Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or MultiClass => UploadTask.MultiClass,
        MultiLabel => UploadTask.MultiLabel,
        MultiAnnotator => UploadTask.MultiAnnotator,
        _ => throw new UploadRejectedException(Field, $"task '{value}' is not one of {string.Join(", ", Names)}"),
    };
}
