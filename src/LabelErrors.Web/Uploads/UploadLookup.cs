using LabelErrors.Data.Entities;

namespace LabelErrors.Web.Uploads;

/// <summary>An uploaded dataset found by its share token, with its (latest) analysis job.</summary>
public sealed record UploadLookup(Dataset Dataset, AnalysisJob? Job);

public enum DeleteOutcome
{
    NotFound,
    WrongKey,
    Deleted,

    /// <summary>A long reader held the upload's rows through every try of the delete: nothing was deleted.</summary>
    Busy,
}
