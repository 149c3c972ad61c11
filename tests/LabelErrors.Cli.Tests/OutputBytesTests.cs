using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace LabelErrors.Cli.Tests;

/// <summary>
/// find-issues' output is a contract (scripts diff it): the exact bytes for the study's bundled MNIST and CIFAR-10
/// files are pinned by their SHA-256, taken before the CSV writing moved to a library. Self-confidence only: it is
/// p[i, given], the same in every precision, so only a change in how rows are written can move these hashes.
/// </summary>
public sealed class OutputBytesTests : IDisposable
{
    private static readonly string Assets = Path.Combine(RepositoryPaths.Root, "wwwroot-assets", "label-errors");

    // Names that need quoting (a comma, a quote, an edge space) and one that looks like a number.
    private const string AwkwardNames = """["zero, nil", "one \"uno\"", " two", "3", "four", "five", "six", "seven", "eight", "nine"]""";

    private readonly TempDir _dir = new();

    private string Unpacked(string gzName)
    {
        var path = _dir.File(Path.GetFileNameWithoutExtension(gzName));
        using var source = new GZipStream(File.OpenRead(Path.Combine(Assets, "cross_validated_predicted_probabilities", gzName)), CompressionMode.Decompress);
        using var target = File.Create(path);
        source.CopyTo(target);
        return path;
    }

    [Theory]
    [InlineData("mnist", "", "4c8f9d7a5444811386404a9fd281904199f95b66c19dcac101b8534f8054fa03")]
    [InlineData("mnist", "--filter-by both --class-names NAMES", "a9bbad93611438938913768e18ee192428991d28d37b0fbe767d94d76842a62e")]
    [InlineData("mnist", "--filter-by confident_learning --class-names NAMES --format json", "6615710f9625680189aacb82a8b4db7579653f9550b672e4189d504dd6caa6ac")]
    [InlineData("cifar10", "--filter-by prune_by_class --frac-noise 0.5", "1f9c55d248d50bf6b93d97c40e0e3c7ad769add792a3960f3491323cd4a54993")]
    public async Task Find_issues_writes_the_pinned_bytes(string dataset, string options, string sha256)
    {
        var labels = Path.Combine(Assets, "original_test_labels", $"{dataset}_test_set_original_labels.npy");
        var predProbs = Unpacked($"{dataset}_test_set_pyx.npy.gz");
        var names = _dir.File("names.json", AwkwardNames);
        string[] args = ["find-issues", "-l", labels, "-p", predProbs,
            .. options.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(a => a == "NAMES" ? names : a)];

        var run = await CliRun.RunAsync(args);

        Assert.Equal("", run.Error);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(sha256, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(run.Out))));
    }

    public void Dispose() => _dir.Dispose();
}
