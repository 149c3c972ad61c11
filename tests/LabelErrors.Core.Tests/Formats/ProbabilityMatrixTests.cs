using LabelErrors.Core.ConfidentLearning;
using LabelErrors.Core.Formats;

namespace LabelErrors.Core.Tests.Formats;

public class ProbabilityMatrixTests
{
    [Fact]
    public void ToPredProbs_keeps_precision_and_values()
    {
        var halves = ProbabilityMatrix.FromHalves([(Half)0.25, (Half)0.75], 1, 2).ToPredProbs();
        var singles = ProbabilityMatrix.FromSingles([0.1f, 0.9f], 1, 2).ToPredProbs();
        var doubles = ProbabilityMatrix.FromDoubles([0.1, 0.9, 0.5, 0.5], 2, 2).ToPredProbs();

        Assert.Equal(FloatPrecision.Float16, halves.Precision);
        Assert.Equal(FloatPrecision.Float32, singles.Precision);
        Assert.Equal(FloatPrecision.Float64, doubles.Precision);
        Assert.Equal((double)0.1f, singles[0, 0]);
        Assert.Equal((2, 2, 0.5), (doubles.N, doubles.K, doubles[1, 0]));
    }

    [Fact]
    public void Row_copy_and_widening_agree_with_the_indexer()
    {
        var matrix = ProbabilityMatrix.FromSingles([0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f], 2, 3);
        var row = new double[3];

        matrix.CopyRow(1, row);

        Assert.Equal([matrix[1, 0], matrix[1, 1], matrix[1, 2]], row);
        Assert.Equal(new[] { 0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f }.Select(f => (double)f), matrix.ToDoubleArray());
    }

    [Fact]
    public void Data_length_must_match_the_shape()
    {
        Assert.Throws<ArgumentException>(() => ProbabilityMatrix.FromDoubles([1, 2, 3], 2, 2));
    }
}
