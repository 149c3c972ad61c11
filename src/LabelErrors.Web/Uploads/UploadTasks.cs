using LabelErrors.Data.Entities;

namespace LabelErrors.Web.Uploads;

/// <summary>
/// The one place an <see cref="UploadTask"/> gets its name: kebab case on the form, in the API's <c>task</c> field and in
/// the JSON it answers (<c>multi-class</c>, <c>multi-label</c>, <c>multi-annotator</c>); a blank field means multi-class,
/// as every upload was before the field existed.
/// </summary>
public static class UploadTasks
{
    public const string Field = UploadField.Task;

    public const string MultiClass = "multi-class";
    public const string MultiLabel = "multi-label";
    public const string MultiAnnotator = "multi-annotator";

    private static readonly (UploadTask Task, string Name, string Title)[] Known =
    [
        (UploadTask.MultiClass, MultiClass, "Multi-class (one label per example)"),
        (UploadTask.MultiLabel, MultiLabel, "Multi-label (a set of labels per example)"),
        (UploadTask.MultiAnnotator, MultiAnnotator, "Multiple annotators (several labels per example)"),
    ];

    public static IReadOnlyList<string> Names { get; } = Known.Select(k => k.Name).ToArray();

    /// <summary>The tasks the upload form offers: those whose analysis the job runs (see AnalysisWorkerService).</summary>
    public static IReadOnlyList<UploadTask> Offered { get; } = [UploadTask.MultiClass, UploadTask.MultiLabel, UploadTask.MultiAnnotator];

    public static string Name(UploadTask task) => Known.Single(k => k.Task == task).Name;

    public static string Title(UploadTask task) => Known.Single(k => k.Task == task).Title;

    /// <summary>The task a form field names; a refusal names the field <c>task</c>.</summary>
    public static UploadTask Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return UploadTask.MultiClass;
        var name = value.Trim();
        foreach (var known in Known)
            if (known.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
                return Offered.Contains(known.Task)
                    ? known.Task
                    : throw new UploadRejectedException(Field, $"task '{name}' is not supported yet; use {string.Join(" or ", Offered.Select(Name))}");
        throw new UploadRejectedException(Field, $"task '{name}' is not one of {string.Join(", ", Names)}");
    }
}
