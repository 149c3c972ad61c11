namespace LabelErrors.Tests.Shared;

/// <summary>Finds the repository root (the folder holding LabelErrors.Web.sln) and the team's shared data beside it.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary><c>../shared</c> beside the repository: the study's data and cleanlab's reference outputs.</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static bool SharedExists => Directory.Exists(Shared);

    public static string TestResults =>
        Environment.GetEnvironmentVariable("LABELERRORS_TEST_RESULTS") is { Length: > 0 } dir ? dir : Path.Combine(Root, "TestResults");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LabelErrors.Web.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"LabelErrors.Web.sln not found above {AppContext.BaseDirectory}");
    }
}
