using LabelErrors.Core.Imaging;

namespace LabelErrors.Core.Tests.Imaging;

public sealed class QuickDrawTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("quickdraw").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(2, 0, 2)]
    [InlineData(3, 1, 0)]
    [InlineData(7, 1, 4)]
    [InlineData(8, 3, 0)]  // class 2 is empty and is skipped
    [InlineData(9, 3, 1)]
    public void A_global_index_maps_to_its_class_file_and_row(long global, int classIndex, long row)
    {
        var index = new QuickDrawIndex([3, 5, 0, 2]);
        Assert.Equal(10, index.Total);
        Assert.Equal((classIndex, row), index.Locate(global));
    }

    [Fact]
    public void Indices_past_the_end_are_refused()
    {
        var index = new QuickDrawIndex([3, 5]);
        Assert.Throws<ArgumentOutOfRangeException>(() => index.Locate(8));
        Assert.Throws<ArgumentOutOfRangeException>(() => index.Locate(-1));
    }

    [Fact]
    public void The_example_of_the_study_script_lands_in_the_right_class()
    {
        // Counts shaped like the real files: the script's example 44,601,012 is 'triangle' (class 324) when the
        // earlier 324 classes hold 44,600,000 drawings; it is then row 1,012 of triangle.npy.
        var counts = Enumerable.Repeat(44_600_000L / 324, 324).ToList();
        counts[0] += 44_600_000L - counts.Sum();
        counts.AddRange(Enumerable.Repeat(100_000L, 21));
        Assert.Equal((324, 1_012), new QuickDrawIndex(counts).Locate(44_601_012));
    }

    [Fact]
    public void Drawings_come_from_the_npy_files_in_sorted_name_order_inverted_for_display()
    {
        // Python's sorted() puts upper case first: "The Eiffel Tower" is class 0, then apple, then zebra.
        byte[] Row(byte value, int marker) { var r = Enumerable.Repeat(value, 784).ToArray(); r[marker] = 255; return r; }
        TestImages.WriteUInt8Npy(Path.Combine(_dir, "zebra.npy"), [Row(30, 0)], 784);
        TestImages.WriteUInt8Npy(Path.Combine(_dir, "apple.npy"), [Row(10, 1), Row(11, 2), Row(12, 3)], 784);
        TestImages.WriteUInt8Npy(Path.Combine(_dir, "The Eiffel Tower.npy"), [Row(0, 4), Row(1, 5)], 784);

        var folder = QuickDrawFolder.Open(_dir);

        Assert.Equal(["The Eiffel Tower", "apple", "zebra"], folder.ClassNames);
        Assert.Equal(6, folder.Index.Total);
        Assert.Equal(12, folder.ReadPixels(4)[0]);    // apple row 2
        Assert.Equal(255, folder.ReadPixels(4)[3]);
        Assert.Equal(30, folder.ReadPixels(5)[1]);    // zebra row 0
        using var image = folder.ToImage(1);          // Eiffel Tower row 1: value 1, marker at pixel 5
        Assert.Equal((28, 28), (image.Width, image.Height));
        Assert.Equal(254, image[0, 0].PackedValue);
        Assert.Equal(0, image[5, 0].PackedValue);
    }

    [Fact]
    public void A_file_that_is_not_a_numpy_bitmap_is_refused_by_name()
    {
        TestImages.WriteUInt8Npy(Path.Combine(_dir, "cat.npy"), [new byte[100]], 100);
        var error = Assert.Throws<InvalidDataException>(() => QuickDrawFolder.Open(_dir));
        Assert.Contains("cat.npy", error.Message);
    }
}
