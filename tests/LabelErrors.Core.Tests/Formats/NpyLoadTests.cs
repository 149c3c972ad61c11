using LabelErrors.Core.Formats;
using LabelErrors.Core.Validation;

namespace LabelErrors.Core.Tests.Formats;

public class NpyLoadTests
{
    [Fact]
    public void Loads_little_endian_float64_matrix_in_c_order()
    {
        var bytes = NpyFixture.Build("<f8", "(2, 3)", NpyFixture.LittleEndian(1.0, 2, 3, 4, 5, 6));

        var array = Npy.Load(NpyFixture.Stream(bytes), "p.npy");

        Assert.Equal([2L, 3L], array.Shape);
        Assert.Equal([1.0, 2, 3, 4, 5, 6], array.GetData<double>());
    }

    [Fact]
    public void Loads_big_endian_values_by_swapping_bytes()
    {
        var bytes = NpyFixture.Build(">f4", "(3,)", NpyFixture.BigEndian(0.25f, -1.5f, 3e10f));

        Assert.Equal([0.25f, -1.5f, 3e10f], Npy.Load(NpyFixture.Stream(bytes), "x.npy").GetData<float>());
    }

    [Fact]
    public void Loads_big_endian_int64_and_uint16()
    {
        var longs = NpyFixture.Build(">i8", "(2,)", NpyFixture.BigEndian(-2L, 1L << 40));
        var shorts = NpyFixture.Build(">u2", "(2,)", NpyFixture.BigEndian((ushort)7, (ushort)65535));

        Assert.Equal([-2L, 1L << 40], Npy.Load(NpyFixture.Stream(longs), "x.npy").GetData<long>());
        Assert.Equal([(ushort)7, (ushort)65535], Npy.Load(NpyFixture.Stream(shorts), "x.npy").GetData<ushort>());
    }

    [Fact]
    public void Fortran_order_matrix_is_returned_in_c_order()
    {
        // Matrix [[1, 2, 3], [4, 5, 6]] stored column by column.
        var bytes = NpyFixture.Build("<i4", "(2, 3)", NpyFixture.LittleEndian(1, 4, 2, 5, 3, 6), fortran: true);

        Assert.Equal([1, 2, 3, 4, 5, 6], Npy.Load(NpyFixture.Stream(bytes), "x.npy").GetData<int>());
    }

    [Fact]
    public void Fortran_order_big_endian_float16_matrix()
    {
        Half[] columnMajor = [(Half)0.5, (Half)0.25, (Half)0.5, (Half)0.75];
        var bytes = NpyFixture.Build(">f2", "(2, 2)", NpyFixture.BigEndian(columnMajor), fortran: true);

        var data = Npy.Load(NpyFixture.Stream(bytes), "x.npy").GetData<Half>();

        Assert.Equal([(Half)0.5, (Half)0.5, (Half)0.25, (Half)0.75], data);
    }

    [Fact]
    public void Loads_bools_and_treats_any_nonzero_byte_as_true_like_numpy()
    {
        var bytes = NpyFixture.Build("|b1", "(3,)", [0, 1, 2]);

        Assert.Equal([false, true, true], Npy.Load(NpyFixture.Stream(bytes), "x.npy").GetData<bool>());
    }

    [Fact]
    public void Loads_version_2_file()
    {
        var bytes = NpyFixture.Build("{'descr': '<u2', 'fortran_order': False, 'shape': (2,), }", NpyFixture.LittleEndian((ushort)3, (ushort)9), major: 2);

        Assert.Equal([(ushort)3, (ushort)9], Npy.Load(NpyFixture.Stream(bytes), "x.npy").GetData<ushort>());
    }

    [Fact]
    public void Truncated_data_is_reported_with_expected_and_found_sizes()
    {
        var bytes = NpyFixture.Build("<f8", "(10, 2)", new byte[8 * 19]);

        var error = Assert.Throws<LabelErrorsInputException>(() => Npy.Load(NpyFixture.Stream(bytes), "p.npy"));

        Assert.Equal("p.npy: file is truncated: shape (10, 2) of <f8 needs 160 data bytes, found 152", error.Message);
    }

    [Fact]
    public void Missing_file_is_an_input_error_not_a_crash()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".npy");

        var error = Assert.Throws<LabelErrorsInputException>(() => Npy.Load(path));

        Assert.Equal($"{path}: file not found", error.Message);
    }

    [Fact]
    public void Fortran_order_with_three_dimensions_is_refused()
    {
        var bytes = NpyFixture.Build("|u1", "(1, 1, 2)", [1, 2], fortran: true);

        Assert.Contains("3 dimensions are not supported",
            Assert.Throws<LabelErrorsInputException>(() => Npy.Load(NpyFixture.Stream(bytes), "x.npy")).Message);
    }

    [Fact]
    public void Unsigned_64_bit_values_are_not_reinterpreted_as_signed()
    {
        var array = Npy.Load(NpyFixture.Stream(NpyFixture.Build("<u8", "(1,)", NpyFixture.LittleEndian(ulong.MaxValue))), "x.npy");

        Assert.Equal((double)ulong.MaxValue, array.GetDouble(0));
        Assert.Throws<InvalidOperationException>(() => array.GetData<long>());
    }

    [Fact]
    public void Shapes_whose_size_overflows_are_refused()
    {
        var bytes = NpyFixture.Build("<f8", "(4294967296, 4294967296)", []);

        Assert.Equal("x.npy: shape (4294967296, 4294967296) is too large",
            Assert.Throws<LabelErrorsInputException>(() => Npy.Load(NpyFixture.Stream(bytes), "x.npy")).Message);
    }

    [Fact]
    public void Arrays_beyond_the_in_memory_limit_point_to_the_streaming_reader()
    {
        var bytes = NpyFixture.Build("|u1", "(3000000000,)", []);

        Assert.Contains("use NpyMatrixReader to stream it",
            Assert.Throws<LabelErrorsInputException>(() => Npy.Load(NpyFixture.Stream(bytes), "x.npy")).Message);
    }

    [Fact]
    public void Zero_dimensional_array_holds_one_element()
    {
        var array = Npy.Load(NpyFixture.Stream(NpyFixture.Build("<i4", "()", NpyFixture.LittleEndian(42))), "x.npy");

        Assert.Equal(0, array.Rank);
        Assert.Equal([42], array.GetData<int>());
    }
}
