namespace LabelErrors.Tests.Shared;

/// <summary>A theory that needs the shared data folder; skipped, with the reason, when it is absent.</summary>
public sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    public SharedDataTheoryAttribute()
    {
        if (SharedData.Root is null)
            Skip = $"shared data folder not found ({SharedData.ExpectedLocation}); this test reads the real label-errors files";
    }
}
