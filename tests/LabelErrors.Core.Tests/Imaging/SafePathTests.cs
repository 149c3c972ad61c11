using LabelErrors.Core.Imaging;

namespace LabelErrors.Core.Tests.Imaging;

public sealed class SafePathTests : IDisposable
{
    private readonly string _outside = Directory.CreateTempSubdirectory("outside").FullName;
    private readonly string _root = Directory.CreateTempSubdirectory("images").FullName;

    public void Dispose()
    {
        Directory.Delete(_root, recursive: true);
        Directory.Delete(_outside, recursive: true);
    }

    [Theory]
    [InlineData("../secret.jpg")]
    [InlineData("val/../../secret.jpg")]
    [InlineData("val\\..\\..\\secret.jpg")]
    [InlineData("/etc/passwd")]
    [InlineData("val//x.jpg")]
    [InlineData("")]
    [InlineData("a\0b.jpg")]
    public void Names_that_climb_out_or_are_absolute_are_refused(string relative)
    {
        Assert.Null(SafePath.Join(_root, relative));
    }

    [Fact]
    public void A_plain_name_joins_under_the_root()
    {
        Assert.Equal(Path.Combine(_root, "val", "n01", "x.JPEG"), SafePath.Join(_root, "val/n01/x.JPEG"));
    }

    [Fact]
    public void A_symbolic_link_that_points_outside_is_refused()
    {
        File.WriteAllText(Path.Combine(_outside, "secret.jpg"), "secret");
        File.CreateSymbolicLink(Path.Combine(_root, "link.jpg"), Path.Combine(_outside, "secret.jpg"));
        Directory.CreateSymbolicLink(Path.Combine(_root, "linkdir"), _outside);

        Assert.Null(SafePath.Join(_root, "link.jpg"));
        Assert.Null(SafePath.Join(_root, "linkdir/secret.jpg"));
    }

    [Fact]
    public void An_indexed_folder_finds_files_by_study_index_and_never_outside()
    {
        Directory.CreateDirectory(Path.Combine(_root, "val", "n01"));
        File.WriteAllText(Path.Combine(_root, "val", "n01", "a.JPEG"), "a");
        File.WriteAllText(Path.Combine(_outside, "b.JPEG"), "b");
        var folder = new IndexedImageFolder(_root, ["val/n01/a.JPEG", $"../{Path.GetFileName(_outside)}/b.JPEG", "val/n01/missing.JPEG"]);

        Assert.Equal(Path.Combine(_root, "val", "n01", "a.JPEG"), folder.FindFile(0));
        Assert.Null(folder.FindFile(1));
        Assert.Null(folder.FindFile(2));
        Assert.Null(folder.FindFile(3));
        // A root that is already the split folder ("val") still finds the study's "val/…" paths.
        Assert.Equal(Path.Combine(_root, "val", "n01", "a.JPEG"), new IndexedImageFolder(Path.Combine(_root, "val"), ["val/n01/a.JPEG"]).FindFile(0));
    }
}
