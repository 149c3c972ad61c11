namespace LabelErrors.Core.Tests.ConfidentLearning;

/// <summary>A fact that is skipped (with a message) when the shared cleanlab reference data is absent.</summary>
public sealed class ReferenceFactAttribute : FactAttribute
{
    public ReferenceFactAttribute()
    {
        if (ReferenceData.ReferenceDirectory is null) Skip = ReferenceData.MissingMessage;
    }
}
