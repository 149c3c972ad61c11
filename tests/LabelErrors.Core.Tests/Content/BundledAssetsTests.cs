using System.IO.Compression;
using System.Text;
using LabelErrors.Core.Content;

namespace LabelErrors.Core.Tests.Content;

public sealed class BundledAssetsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("assets").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void A_gzipped_file_reads_back_under_its_original_name()
    {
        Directory.CreateDirectory(Path.Combine(_root, "mturk"));
        using (var file = File.Create(Path.Combine(_root, "mturk", "x.json.gz")))
        using (var gzip = new GZipStream(file, CompressionLevel.Optimal))
            gzip.Write("[1,2,3]"u8);
        File.WriteAllText(Path.Combine(_root, "plain.txt"), "plain");
        var assets = new BundledAssets(_root);

        Assert.True(assets.Exists("mturk/x.json"));
        Assert.Equal("[1,2,3]", Encoding.UTF8.GetString(assets.ReadAllBytes("mturk/x.json")));
        Assert.Equal("plain", Encoding.UTF8.GetString(assets.ReadAllBytes("plain.txt")));
    }

    [Fact]
    public void A_missing_file_is_reported_by_name_and_paths_cannot_leave_the_folder()
    {
        var assets = new BundledAssets(_root);

        Assert.False(assets.Exists("nope.npy"));
        Assert.Contains("nope.npy", Assert.Throws<FileNotFoundException>(() => assets.Open("nope.npy")).Message);
        Assert.Throws<ArgumentException>(() => assets.Open("../../etc/passwd"));
    }

    [Fact]
    public void The_repository_bundle_is_found_from_a_nested_folder()
    {
        var found = BundledAssets.FindFrom(AppContext.BaseDirectory);

        Assert.NotNull(found);
        Assert.True(found.Exists("label-errors/classes.json"));
        Assert.True(found.Exists("label-errors/mturk/imagenet_mturk.json"));
    }
}
