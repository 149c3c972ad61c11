namespace LabelErrors.Tests.Shared;

/// <summary>Locates <c>&lt;repo&gt;/../shared</c> by walking up from the test binaries to the folder holding LabelErrors.Web.sln.</summary>
internal static class SharedData
{
    public static string? RepositoryRoot { get; } = FindRepositoryRoot();

    public static string ExpectedLocation =>
        RepositoryRoot is null ? "no LabelErrors.Web.sln above the test binaries" : Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));

    public static string? Root { get; } =
        RepositoryRoot is not null && Directory.Exists(Path.Combine(RepositoryRoot, "..", "shared", "data", "label-errors"))
            ? Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"))
            : null;

    public static string LabelErrors(string relativePath) =>
        Path.Combine(Root ?? throw new InvalidOperationException("shared data is absent"), "data", "label-errors", relativePath);

    public static string Reference(string relativePath) =>
        Path.Combine(Root ?? throw new InvalidOperationException("shared data is absent"), "reference", relativePath);

    public static string MnistLabels => LabelErrors("original_test_labels/mnist_test_set_original_labels.npy");

    public static string MnistPredProbs => LabelErrors("cross_validated_predicted_probabilities/mnist_test_set_pyx.npy");

    private static string? FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "LabelErrors.Web.sln")))
                return dir.FullName;
        return null;
    }
}
