using LabelErrors.Core.ConfidentLearning;
using System.Text;
using LabelErrors.Core.Formats;
using LabelErrors.Core.Validation;

namespace LabelErrors.Core.Tests.Formats;

public class AsyncReadingTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task LoadAsync_reads_every_version_through_a_stream_without_sync_reads(int major)
    {
        var bytes = NpyFixture.Build("{'descr': '>f8', 'fortran_order': True, 'shape': (2, 2), }",
            NpyFixture.BigEndian(0.1, 0.3, 0.9, 0.7), major);

        var array = await Npy.LoadAsync(new AsyncOnlyStream(bytes), "p.npy");

        Assert.Equal([0.1, 0.9, 0.3, 0.7], array.GetData<double>());
    }

    [Fact]
    public async Task LoadAsync_reports_truncation_like_the_sync_reader()
    {
        var bytes = NpyFixture.Build("<f4", "(3,)", new byte[10]);

        var error = await Assert.ThrowsAsync<LabelErrorsInputException>(() => Npy.LoadAsync(new AsyncOnlyStream(bytes), "p.npy"));

        Assert.Equal("p.npy: file is truncated: shape (3,) of <f4 needs 12 data bytes, found 10", error.Message);
    }

    [Theory]
    [InlineData(new byte[] { 0x93, (byte)'N', (byte)'U' }, "not a .npy file: it is shorter than the 8-byte preamble")]
    [InlineData(new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0, 10 }, "file is truncated inside the header")]
    [InlineData(new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 2, 0, 10, 0, 0 }, "file is truncated inside the header")]
    public async Task Short_preambles_fail_the_same_way_sync_and_async(byte[] bytes, string reason)
    {
        var sync = Assert.Throws<LabelErrorsInputException>(() => NpyHeader.Read(new MemoryStream(bytes), "x.npy"));
        var async = await Assert.ThrowsAsync<LabelErrorsInputException>(() => NpyHeader.ReadAsync(new AsyncOnlyStream(bytes), "x.npy"));

        Assert.Equal($"x.npy: {reason}", sync.Message);
        Assert.Equal(sync.Message, async.Message);
    }

    [Fact]
    public async Task Input_files_dispatch_on_the_file_name_for_async_streams()
    {
        using var npy = new MemoryStream();
        Npy.Write(npy, [1L, 0L], 2);

        var labelsNpy = await InputFiles.ReadLabelsAsync(new AsyncOnlyStream(npy.ToArray()), "labels.npy");
        var labelsCsv = await InputFiles.ReadLabelsAsync(new AsyncOnlyStream(Encoding.UTF8.GetBytes("label\ndog\ncat\n")), "labels.csv", ["cat", "dog"]);
        var probsCsv = await InputFiles.ReadPredProbsAsync(new AsyncOnlyStream(Encoding.UTF8.GetBytes("\uFEFFa,b\n0.5,0.5\n")), "p.csv");

        Assert.Equal([1, 0], labelsNpy.Labels);
        Assert.Equal(0, labelsNpy.FirstRowNumber);
        Assert.Equal([1, 0], labelsCsv.Labels);
        Assert.Equal(2, labelsCsv.FirstRowNumber);
        Assert.Equal([0.5, 0.5], probsCsv.Matrix.ToDoubleArray());
    }
}
