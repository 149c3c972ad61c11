using LabelErrors.Core.ConfidentLearning;
using LabelErrors.Core.Formats;
using LabelErrors.Core.Validation;

namespace LabelErrors.Core.Tests.Formats;

public sealed class FortranOrderPredProbsTests
{
    private static float[] RowMajor(int rows, int columns)
    {
        var values = new float[rows * columns];
        for (var i = 0; i < values.Length; i++) values[i] = (i % 997) / 997f;
        return values;
    }

    private static T[] ColumnMajor<T>(T[] rowMajor, int rows, int columns)
    {
        var result = new T[rowMajor.Length];
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < columns; c++)
                result[c * rows + r] = rowMajor[r * columns + c];
        return result;
    }

    private static float[] Values(PredProbs matrix)
    {
        var values = new float[matrix.N * matrix.K];
        for (var r = 0; r < matrix.N; r++)
            for (var c = 0; c < matrix.K; c++)
                values[r * matrix.K + c] = (float)matrix[r, c];
        return values;
    }

    [Theory]
    [InlineData(3, 4)]
    [InlineData(70_001, 7)] // 1.9 MB of data: several read blocks, a block boundary inside a column
    public void Float32_fortran_order_reads_as_the_c_order_matrix(int rows, int columns)
    {
        var expected = RowMajor(rows, columns);
        var bytes = NpyFixture.Build("<f4", $"({rows}, {columns})", NpyFixture.LittleEndian(ColumnMajor(expected, rows, columns)), fortran: true);

        var matrix = Npy.ReadPredProbs(NpyFixture.Stream(bytes), "p.npy");

        Assert.Equal(FloatPrecision.Float32, matrix.Precision);
        Assert.Equal(expected, Values(matrix));
    }

    [Fact]
    public void Float64_and_float16_keep_their_precision()
    {
        double[] rowMajor = [0.25, 0.75, 0.5, 0.5, 1, 0];
        var f8 = NpyFixture.Build("<f8", "(3, 2)", NpyFixture.LittleEndian(ColumnMajor(rowMajor, 3, 2)), fortran: true);
        var halves = Array.ConvertAll(rowMajor, v => (Half)v);
        var f2 = NpyFixture.Build("<f2", "(3, 2)", NpyFixture.LittleEndian(ColumnMajor(halves, 3, 2)), fortran: true);

        var m8 = Npy.ReadPredProbs(NpyFixture.Stream(f8), "p.npy");
        var m2 = Npy.ReadPredProbs(NpyFixture.Stream(f2), "p.npy");

        Assert.Equal(FloatPrecision.Float64, m8.Precision);
        Assert.Equal(FloatPrecision.Float16, m2.Precision);
        Assert.Equal(Array.ConvertAll(rowMajor, v => (float)v), Values(m8));
        Assert.Equal(Array.ConvertAll(rowMajor, v => (float)v), Values(m2));
    }

    [Fact]
    public void A_truncated_fortran_file_names_the_missing_bytes()
    {
        var bytes = NpyFixture.Build("<f4", "(3, 2)", NpyFixture.LittleEndian(0.5f, 0.5f, 0.5f, 0.5f, 0.5f), fortran: true);

        var error = Assert.Throws<LabelErrorsInputException>(() => Npy.ReadPredProbs(NpyFixture.Stream(bytes), "p.npy"));

        Assert.Contains("truncated", error.Message);
        Assert.Contains("needs 24 data bytes, found 20", error.Message);
    }

    [Fact]
    public void A_stream_that_cannot_seek_still_reads_fortran_order()
    {
        float[] rowMajor = [0.1f, 0.9f, 0.6f, 0.4f];
        var bytes = NpyFixture.Build("<f4", "(2, 2)", NpyFixture.LittleEndian(ColumnMajor(rowMajor, 2, 2)), fortran: true);

        var matrix = Npy.ReadPredProbs(new ForwardOnlyStream(bytes), "p.npy");

        Assert.Equal(rowMajor, Values(matrix));
    }

    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes, writable: false)
    {
        public override bool CanSeek => false;
    }
}
