namespace LabelErrors.Core.Tests.ConfidentLearning;

/// <summary>A theory that is skipped (with a message) when the shared cleanlab reference data is absent.</summary>
public sealed class ReferenceTheoryAttribute : TheoryAttribute
{
    public ReferenceTheoryAttribute()
    {
        if (ReferenceData.ReferenceDirectory is null) Skip = ReferenceData.MissingMessage;
    }
}
