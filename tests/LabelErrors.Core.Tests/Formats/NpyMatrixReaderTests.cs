using LabelErrors.Core.Formats;
using LabelErrors.Core.Validation;

namespace LabelErrors.Core.Tests.Formats;

public sealed class NpyMatrixReaderTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory();

    public void Dispose() => _dir.Delete(recursive: true);

    private string WriteFile(byte[] bytes)
    {
        var path = Path.Combine(_dir.FullName, Guid.NewGuid().ToString("N") + ".npy");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public void Blocks_cover_every_row_once_in_order()
    {
        var values = Enumerable.Range(0, 7 * 3).Select(i => i / 10.0).ToArray();
        var path = Path.Combine(_dir.FullName, "m.npy");
        Npy.Write(path, values, 7, 3);
        using var reader = NpyMatrixReader.Open(path);

        var seen = new List<double>();
        var firstRows = new List<long>();
        foreach (var block in reader.EnumerateBlocks(rowsPerBlock: 3))
        {
            firstRows.Add(block.FirstRow);
            seen.AddRange(block.Values.ToArray());
        }

        Assert.Equal((7L, 3), (reader.Rows, reader.Columns));
        Assert.Equal([0L, 3L, 6L], firstRows);
        Assert.Equal(values, seen);
    }

    [Fact]
    public void Reads_any_row_range_again_for_a_second_pass_and_widens_float32()
    {
        var path = Path.Combine(_dir.FullName, "m.npy");
        Npy.Write(path, [0.5f, 0.5f, 0.25f, 0.75f, 1f, 0f], 3, 2);
        using var reader = NpyMatrixReader.Open(path);
        var buffer = new double[4];

        Assert.Equal(2, reader.ReadRows(1, buffer));
        Assert.Equal([0.25, 0.75, 1, 0], buffer);
        Assert.Equal(1, reader.ReadRows(0, buffer.AsSpan(0, 3)));
        Assert.Equal([0.5, 0.5], buffer[..2]);
        Assert.Equal(0, reader.ReadRows(3, buffer));
    }

    [Fact]
    public void Narrows_to_float_and_converts_integer_dtypes()
    {
        var path = WriteFile(NpyFixture.Build("<i2", "(2, 2)", NpyFixture.LittleEndian((short)1, (short)-2, (short)3, (short)4)));
        using var reader = NpyMatrixReader.Open(path);
        var buffer = new float[4];

        Assert.Equal(2, reader.ReadRows(0, buffer));
        Assert.Equal([1f, -2f, 3f, 4f], buffer);
    }

    [Fact]
    public void Refuses_fortran_order_big_endian_and_truncated_files()
    {
        var fortran = WriteFile(NpyFixture.Build("<f8", "(2, 2)", new byte[32], fortran: true));
        var bigEndian = WriteFile(NpyFixture.Build(">f8", "(2, 2)", new byte[32]));
        var truncated = WriteFile(NpyFixture.Build("<f8", "(2, 2)", new byte[31]));

        Assert.Contains("Fortran order", Assert.Throws<LabelErrorsInputException>(() => NpyMatrixReader.Open(fortran)).Message);
        Assert.Contains("native byte order", Assert.Throws<LabelErrorsInputException>(() => NpyMatrixReader.Open(bigEndian)).Message);
        Assert.EndsWith("file is truncated: shape (2, 2) of <f8 needs 32 data bytes, found 31",
            Assert.Throws<LabelErrorsInputException>(() => NpyMatrixReader.Open(truncated)).Message);
    }

    public static TheoryData<string, byte[]> EveryDtype() => new()
    {
        { "|b1", [1, 0, 0, 1] },
        { "|i1", NpyFixture.LittleEndian<sbyte>(-1, 2, 3, -4) },
        { "<i2", NpyFixture.LittleEndian<short>(-300, 2, 3, 400) },
        { "<i4", NpyFixture.LittleEndian(-70000, 2, 3, 80000) },
        { "<i8", NpyFixture.LittleEndian(-5L << 40, 2L, 3L, 4L) },
        { "|u1", [255, 0, 1, 2] },
        { "<u2", NpyFixture.LittleEndian<ushort>(65535, 0, 1, 2) },
        { "<u4", NpyFixture.LittleEndian(4000000000u, 0u, 1u, 2u) },
        { "<u8", NpyFixture.LittleEndian(ulong.MaxValue, 0UL, 1UL, 2UL) },
        { "<f2", NpyFixture.LittleEndian((Half)0.25, (Half)0.75, Half.NaN, (Half)1) },
        { "<f4", NpyFixture.LittleEndian(0.1f, 0.9f, float.NegativeInfinity, 1f) },
        { "<f8", NpyFixture.LittleEndian(0.1, 0.9, 1e300, 1) },
    };

    [Theory]
    [MemberData(nameof(EveryDtype))]
    public void Streamed_values_equal_loaded_values_for_every_dtype(string descr, byte[] data)
    {
        var bytes = NpyFixture.Build(descr, "(2, 2)", data);
        var loaded = Npy.Load(NpyFixture.Stream(bytes), "m.npy");
        using var reader = NpyMatrixReader.Open(WriteFile(bytes));
        var doubles = new double[4];
        var singles = new float[4];

        Assert.Equal(2, reader.ReadRows(0, doubles));
        Assert.Equal(2, reader.ReadRows(0, singles));

        Assert.Equal(Enumerable.Range(0, 4).Select(loaded.GetDouble), doubles);
        Assert.Equal(Enumerable.Range(0, 4).Select(i => (float)loaded.GetDouble(i)), singles);
    }
}
