namespace LabelErrors.Core.Tests.ConfidentLearning;

/// <summary>
/// The cleanlab reference outputs committed in this repository (<c>tests/reference/</c>, made by its
/// <c>generate.py</c>), as opposed to the shared ones beside the repository (<see cref="ReferenceData"/>).
/// </summary>
internal static class RepositoryReference
{
    private static readonly Lazy<string> Root = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "LabelErrors.Web.sln"))) dir = dir.Parent;
        return dir is null
            ? throw new DirectoryNotFoundException("Repository root (LabelErrors.Web.sln) not found above the test binaries.")
            : Path.Combine(dir.FullName, "tests", "reference");
    });

    public static string Directory => Root.Value;

    /// <summary>The reference sets of one group (e.g. <c>float16</c>, <c>multilabel</c>), by folder name.</summary>
    public static IEnumerable<string> Sets(string group) =>
        System.IO.Directory.GetDirectories(Path.Combine(Directory, group)).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    /// <summary>Output file names of one set (not its inputs or summary).</summary>
    public static IEnumerable<string> Files(string group, string set) =>
        System.IO.Directory.GetFiles(Path.Combine(Directory, group, set)).Select(Path.GetFileName).OfType<string>()
            .Where(n => n != "summary.json").Order(StringComparer.Ordinal);

    public static string PathOf(string group, string set, string file) => Path.Combine(Directory, group, set, file);

    /// <summary><c>index,score</c> rows of a scores CSV (comment lines starting with '#' skipped).</summary>
    public static double[] Scores(string path) =>
        File.ReadAllLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).Skip(1)
            .Select(l => ReferenceAssert.Parse(l.Split(',')[1])).ToArray();

    /// <summary>The numpy dtype recorded in a CSV's first line (<c># dtype=float16</c>).</summary>
    public static string DtypeOf(string path) => File.ReadLines(path).First().Split('=')[1].Trim();
}
