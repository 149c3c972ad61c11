using LabelErrors.Core.Formats;

namespace LabelErrors.Core.Tests.Formats;

public class NpyWriteTests
{
    [Fact]
    public void Float64_matrix_round_trips_with_a_64_byte_aligned_header()
    {
        double[] data = [0.1, 0.2, 0.7, 1e-300, double.Epsilon, 1];
        using var stream = new MemoryStream();

        Npy.Write(stream, data, 2, 3);
        stream.Position = 0;
        var array = Npy.Load(stream, "w.npy");

        Assert.Equal(0, array.Header.DataOffset % 64);
        Assert.Equal("<f8", array.Header.Descr);
        Assert.Equal([2L, 3L], array.Shape);
        Assert.Equal(data, array.GetData<double>());
    }

    [Fact]
    public void Int64_and_float32_vectors_round_trip_through_a_file()
    {
        var dir = Directory.CreateTempSubdirectory();
        try
        {
            var labels = Path.Combine(dir.FullName, "l.npy");
            var probs = Path.Combine(dir.FullName, "p.npy");
            Npy.Write(labels, [3L, -1L, long.MaxValue], 3);
            Npy.Write(probs, [0.5f, 0.25f], 2);

            Assert.Equal([3L, -1L, long.MaxValue], Npy.Load(labels).GetData<long>());
            Assert.Equal([0.5f, 0.25f], Npy.Load(probs).GetData<float>());
            Assert.Equal("<f4", Npy.Load(probs).Header.Descr);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Header_text_matches_what_numpy_writes()
    {
        using var stream = new MemoryStream();
        Npy.Write(stream, [1L, 2L], 2);

        var bytes = stream.ToArray();
        var dataOffset = bytes.Length - 16;
        var text = System.Text.Encoding.Latin1.GetString(bytes, 10, dataOffset - 10);

        Assert.StartsWith("{'descr': '<i8', 'fortran_order': False, 'shape': (2,), }", text);
        Assert.EndsWith(" \n", text);
        Assert.Equal(0, dataOffset % 64);
        Assert.Equal(dataOffset - 10, BitConverter.ToUInt16(bytes, 8));
    }

    [Fact]
    public void Shape_must_match_the_data_length()
    {
        using var stream = new MemoryStream();

        Assert.Throws<ArgumentException>(() => Npy.Write(stream, [1.0, 2.0, 3.0], 2, 2));
    }
}
