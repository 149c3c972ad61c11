namespace LabelErrors.Tests.Shared;

/// <summary>
/// A fact that needs the team's shared data folder (<c>&lt;repo&gt;/../shared</c>); it is reported as skipped,
/// with the reason, when that folder is absent.
/// </summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (SharedData.Root is null)
            Skip = $"shared data folder not found ({SharedData.ExpectedLocation}); this test reads the real label-errors files";
    }
}
