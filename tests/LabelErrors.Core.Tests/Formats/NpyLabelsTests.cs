using LabelErrors.Core.Formats;
using LabelErrors.Core.Validation;

namespace LabelErrors.Core.Tests.Formats;

public class NpyLabelsTests
{
    private static int[] Labels(string descr, byte[] data, int count) =>
        Npy.ReadLabels(NpyFixture.Stream(NpyFixture.Build(descr, $"({count},)", data)), "labels.npy");

    [Fact]
    public void Integer_labels_of_every_width_are_read()
    {
        Assert.Equal([0, 3, 1], Labels("|u1", [0, 3, 1], 3));
        Assert.Equal([2, 0], Labels("<i2", NpyFixture.LittleEndian((short)2, (short)0), 2));
        Assert.Equal([5, 4], Labels(">u4", NpyFixture.BigEndian(5u, 4u), 2));
        Assert.Equal([9, 1], Labels("<i8", NpyFixture.LittleEndian(9L, 1L), 2));
        Assert.Equal([1, 0], Labels("|b1", [1, 0], 2));
    }

    [Fact]
    public void Float_labels_holding_whole_numbers_are_accepted()
    {
        Assert.Equal([1, 0, 7], Labels("<f8", NpyFixture.LittleEndian(1.0, 0.0, 7.0), 3));
        Assert.Equal([2], Labels("<f2", NpyFixture.LittleEndian((Half)2), 1));
    }

    [Theory]
    [InlineData(1.5, "label 1.5 is not a whole number")]
    [InlineData(double.NaN, "label NaN is not a whole number")]
    [InlineData(1e12, "label 1000000000000 is outside the supported range")]
    public void Float_labels_that_are_not_integers_name_the_row(double bad, string reason)
    {
        var error = Assert.Throws<LabelErrorsInputException>(() => Labels("<f8", NpyFixture.LittleEndian(0.0, 1.0, bad), 3));

        Assert.Equal($"labels.npy: row 2: {reason}", error.Message);
        Assert.Equal(2, error.Row);
    }

    [Fact]
    public void Integer_labels_beyond_int_range_are_refused()
    {
        var error = Assert.Throws<LabelErrorsInputException>(() => Labels("<u8", NpyFixture.LittleEndian(1UL, ulong.MaxValue), 2));

        Assert.Equal($"labels.npy: row 1: label {ulong.MaxValue} is outside the supported range", error.Message);
    }

    [Fact]
    public void Labels_must_be_one_dimensional_and_not_empty()
    {
        var matrix = NpyFixture.Build("<i8", "(2, 1)", NpyFixture.LittleEndian(0L, 1L));
        var empty = NpyFixture.Build("<i8", "(0,)", []);

        Assert.Equal("labels.npy: labels must be a 1-D array, got shape (2, 1)",
            Assert.Throws<LabelErrorsInputException>(() => Npy.ReadLabels(NpyFixture.Stream(matrix), "labels.npy")).Message);
        Assert.Equal("labels.npy: labels are empty",
            Assert.Throws<LabelErrorsInputException>(() => Npy.ReadLabels(NpyFixture.Stream(empty), "labels.npy")).Message);
    }
}
