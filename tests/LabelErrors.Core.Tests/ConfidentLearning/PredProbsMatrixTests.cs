using LabelErrors.Core.ConfidentLearning;

namespace LabelErrors.Core.Tests.ConfidentLearning;

/// <summary>The one probability matrix: precision kept, rows widened to double on request, shape checked.</summary>
public class PredProbsMatrixTests
{
    [Fact]
    public void Each_storage_keeps_its_precision_and_values()
    {
        var halves = PredProbs.FromHalf([(Half)0.25, (Half)0.75], 1, 2);
        var singles = PredProbs.FromSingle([0.1f, 0.9f], 1, 2);
        var doubles = PredProbs.FromDouble([0.1, 0.9, 0.5, 0.5], 2, 2);

        Assert.Equal(FloatPrecision.Float16, halves.Precision);
        Assert.Equal(FloatPrecision.Float32, singles.Precision);
        Assert.Equal(FloatPrecision.Float64, doubles.Precision);
        Assert.Equal((double)0.1f, singles[0, 0]);
        Assert.Equal((2, 2, 0.5), (doubles.N, doubles.K, doubles[1, 0]));
    }

    [Fact]
    public void Row_copy_and_widening_agree_with_the_indexer()
    {
        var matrix = PredProbs.FromSingle([0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f], 2, 3);
        var row = new double[3];

        matrix.CopyRow(1, row);

        Assert.Equal([matrix[1, 0], matrix[1, 1], matrix[1, 2]], row);
        Assert.Equal(new[] { 0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f }.Select(f => (double)f), matrix.ToDoubleArray());
        var doubles = new[] { 0.25, 0.75 };
        Assert.Same(doubles, PredProbs.FromDouble(doubles, 1, 2).ToDoubleArray());
    }

    [Fact]
    public void Data_length_must_match_the_shape()
    {
        Assert.Throws<ArgumentException>(() => PredProbs.FromDouble([1, 2, 3], 2, 2));
        Assert.Equal(0, PredProbs.FromDouble([], 3, 0).K); // a file's shape; the input validator refuses it by name
    }
}
