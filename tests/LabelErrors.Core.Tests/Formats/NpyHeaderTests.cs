using System.Text;
using LabelErrors.Core.Formats;
using LabelErrors.Core.Validation;

namespace LabelErrors.Core.Tests.Formats;

public class NpyHeaderTests
{
    [Fact]
    public void Reads_version_1_header_fields_and_data_offset()
    {
        var bytes = NpyFixture.Build("<f8", "(3, 2)", new byte[48]);

        var header = NpyHeader.Read(NpyFixture.Stream(bytes), "x.npy");

        Assert.Equal((1, 0), (header.MajorVersion, header.MinorVersion));
        Assert.Equal("<f8", header.Descr);
        Assert.Equal(NpyDataType.Float64, header.DataType);
        Assert.Equal(NpyByteOrder.LittleEndian, header.ByteOrder);
        Assert.Equal(8, header.ItemSize);
        Assert.False(header.FortranOrder);
        Assert.Equal([3L, 2L], header.Shape);
        Assert.Equal(bytes.Length - 48, header.DataOffset);
        Assert.Equal(0, header.DataOffset % 64);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void Reads_versions_2_and_3_with_four_byte_header_length(int major)
    {
        var bytes = NpyFixture.Build("{'descr': '<i4', 'fortran_order': False, 'shape': (1,), }", new byte[4], major);

        var header = NpyHeader.Read(NpyFixture.Stream(bytes), "x.npy");

        Assert.Equal(major, header.MajorVersion);
        Assert.Equal(NpyDataType.Int32, header.DataType);
        Assert.Equal(bytes.Length - 4, header.DataOffset);
    }

    [Fact]
    public void Version_3_header_must_be_valid_utf8()
    {
        var bytes = NpyFixture.Build("{'descr': '<u1', 'fortran_order': False, 'shape': (2,), }", [1, 2], major: 3);
        var lastPaddingByte = bytes.Length - 2 - 2; // before the '\n' and the 2 data bytes
        Assert.Equal((byte)' ', bytes[lastPaddingByte]);
        bytes[lastPaddingByte] = 0xFF;

        var error = Assert.Throws<LabelErrorsInputException>(() => NpyHeader.Read(NpyFixture.Stream(bytes), "x.npy"));

        Assert.Equal("x.npy: header of a version 3.0 file is not valid UTF-8", error.Message);
    }

    [Theory]
    [InlineData("|b1", NpyDataType.Bool, NpyByteOrder.NotApplicable)]
    [InlineData("|i1", NpyDataType.Int8, NpyByteOrder.NotApplicable)]
    [InlineData("<i2", NpyDataType.Int16, NpyByteOrder.LittleEndian)]
    [InlineData(">i4", NpyDataType.Int32, NpyByteOrder.BigEndian)]
    [InlineData("<i8", NpyDataType.Int64, NpyByteOrder.LittleEndian)]
    [InlineData("|u1", NpyDataType.UInt8, NpyByteOrder.NotApplicable)]
    [InlineData(">u2", NpyDataType.UInt16, NpyByteOrder.BigEndian)]
    [InlineData("<u4", NpyDataType.UInt32, NpyByteOrder.LittleEndian)]
    [InlineData("<u8", NpyDataType.UInt64, NpyByteOrder.LittleEndian)]
    [InlineData("<f2", NpyDataType.Float16, NpyByteOrder.LittleEndian)]
    [InlineData(">f4", NpyDataType.Float32, NpyByteOrder.BigEndian)]
    [InlineData("=f8", NpyDataType.Float64, NpyByteOrder.LittleEndian)] // '=' is native; test machines are little-endian
    public void Parses_every_supported_descr(string descr, NpyDataType type, NpyByteOrder order)
    {
        var header = NpyHeader.Read(NpyFixture.Stream(NpyFixture.Build(descr, "(0,)", [])), "x.npy");

        Assert.Equal(type, header.DataType);
        Assert.Equal(order, header.ByteOrder);
    }

    [Fact]
    public void Accepts_python2_long_suffix_double_quotes_and_any_key_order()
    {
        var dict = "{\"shape\": (2L, 3L), \"fortran_order\": True, \"descr\": \"<f4\"}";

        var header = NpyHeader.Read(NpyFixture.Stream(NpyFixture.Build(dict, new byte[24])), "x.npy");

        Assert.Equal([2L, 3L], header.Shape);
        Assert.True(header.FortranOrder);
    }

    [Theory]
    [InlineData("|O", "object arrays")]
    [InlineData("<U5", "not supported")]
    [InlineData("<c16", "not supported")]
    [InlineData("|S3", "not supported")]
    [InlineData("|f8", "no byte order")]
    public void Refuses_unsupported_dtypes_with_a_clear_reason(string descr, string expected)
    {
        var bytes = NpyFixture.Build(descr, "(1,)", new byte[16]);

        var error = Assert.Throws<LabelErrorsInputException>(() => NpyHeader.Read(NpyFixture.Stream(bytes), "labels.npy"));

        Assert.StartsWith("labels.npy: ", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Refuses_structured_dtype()
    {
        var bytes = NpyFixture.Build("{'descr': [('a', '<f8'), ('b', '<i4')], 'fortran_order': False, 'shape': (1,), }", new byte[12]);

        var error = Assert.Throws<LabelErrorsInputException>(() => NpyHeader.Read(NpyFixture.Stream(bytes), "x.npy"));

        Assert.Contains("structured dtypes", error.Message);
    }

    [Theory]
    [InlineData("{'descr': '<f8', 'fortran_order': False}", "no 'shape' entry")]
    [InlineData("{'descr': '<f8', 'fortran_order': 0, 'shape': (1,)}", "unexpected character")]
    [InlineData("{'descr': '<f8', 'fortran_order': false, 'shape': (1,)}", "unexpected word 'false'")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (-1,)}", "non-negative integer")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), 'extra': 'x'}", "unexpected header key 'extra'")]
    [InlineData("{'descr': '<f8', 'descr': '<f8', 'fortran_order': False, 'shape': (1,)}", "appears twice")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': '1'}", "'shape' must be a tuple")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (1,) ", "header dict ends too early")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (1,) )", "expected '}' in header at offset")]
    [InlineData("{'descr' '<f8', 'fortran_order': False, 'shape': (1,)}", "expected ':' in header at offset 9")]
    public void Refuses_malformed_header_dicts(string dict, string expected)
    {
        var bytes = NpyFixture.Build(dict, new byte[8]);

        var error = Assert.Throws<LabelErrorsInputException>(() => NpyHeader.Read(NpyFixture.Stream(bytes), "x.npy"));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Refuses_bad_magic()
    {
        var bytes = NpyFixture.Build("<f8", "(1,)", new byte[8]);
        bytes[1] = (byte)'X';

        var error = Assert.Throws<LabelErrorsInputException>(() => NpyHeader.Read(NpyFixture.Stream(bytes), "x.npy"));

        Assert.Equal("x.npy: not a .npy file: the magic string \\x93NUMPY is missing", error.Message);
    }

    [Fact]
    public void Refuses_unknown_version_and_tiny_files()
    {
        var bytes = NpyFixture.Build("<f8", "(1,)", new byte[8]);
        bytes[6] = 4;

        Assert.Contains("version 4.0 is not supported",
            Assert.Throws<LabelErrorsInputException>(() => NpyHeader.Read(NpyFixture.Stream(bytes), "x.npy")).Message);
        Assert.Contains("shorter than the 8-byte preamble",
            Assert.Throws<LabelErrorsInputException>(() => NpyHeader.Read(NpyFixture.Stream(Encoding.ASCII.GetBytes("abc")), "x.npy")).Message);
    }

    [Fact]
    public void Refuses_file_truncated_inside_the_header()
    {
        var bytes = NpyFixture.Build("<f8", "(1,)", []);

        var error = Assert.Throws<LabelErrorsInputException>(() => NpyHeader.Read(NpyFixture.Stream(bytes[..40]), "x.npy"));

        Assert.Equal("x.npy: file is truncated inside the header", error.Message);
    }
}
