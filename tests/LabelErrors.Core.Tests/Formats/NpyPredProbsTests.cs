using LabelErrors.Core.ConfidentLearning;
using LabelErrors.Core.Formats;
using LabelErrors.Core.Validation;

namespace LabelErrors.Core.Tests.Formats;

public class NpyPredProbsTests
{
    [Fact]
    public void Float16_stays_half_precision()
    {
        var bytes = NpyFixture.Build("<f2", "(1, 2)", NpyFixture.LittleEndian((Half)0.25, (Half)0.75));

        var probs = Npy.ReadPredProbs(NpyFixture.Stream(bytes), "p.npy");

        Assert.Equal(FloatPrecision.Float16, probs.Precision);
        Assert.Equal([(Half)0.25, (Half)0.75], ((PredProbs<Half>)probs).Data.ToArray());
        Assert.IsNotType<PredProbs<double>>(probs);
        Assert.Equal(0.75, probs[0, 1]);
    }

    [Fact]
    public void Float32_stays_single_precision_and_float64_double()
    {
        var singles = Npy.ReadPredProbs(NpyFixture.Stream(NpyFixture.Build("<f4", "(1, 2)", NpyFixture.LittleEndian(0.1f, 0.9f))), "p.npy");
        var doubles = Npy.ReadPredProbs(NpyFixture.Stream(NpyFixture.Build("<f8", "(2, 2)", NpyFixture.LittleEndian(0.1, 0.9, 0.5, 0.5))), "p.npy");

        Assert.Equal(FloatPrecision.Float32, singles.Precision);
        Assert.Equal([0.1f, 0.9f], ((PredProbs<float>)singles).Data.ToArray());
        Assert.Equal(FloatPrecision.Float64, doubles.Precision);
        Assert.Equal((2, 2), (doubles.N, doubles.K));
        Assert.Equal(0.5, doubles[1, 0]);
    }

    [Fact]
    public void Integer_pred_probs_become_double()
    {
        var probs = Npy.ReadPredProbs(NpyFixture.Stream(NpyFixture.Build("|u1", "(2, 2)", [1, 0, 0, 1])), "p.npy");

        Assert.Equal(FloatPrecision.Float64, probs.Precision);
        Assert.Equal([1.0, 0, 0, 1], ((PredProbs<double>)probs).Data.ToArray());
    }

    [Theory]
    [InlineData("(4,)", "pred_probs must be a 2-D array (examples × classes), got shape (4,)")]
    [InlineData("(4, 1)", "pred_probs must have at least 2 columns (classes), got 1")]
    [InlineData("(0, 4)", "pred_probs has no rows")]
    public void Shape_errors_are_explained(string shape, string reason)
    {
        var bytes = NpyFixture.Build("<f8", shape, new byte[32]);

        var error = Assert.Throws<LabelErrorsInputException>(() => Npy.ReadPredProbs(NpyFixture.Stream(bytes), "p.npy"));

        Assert.Equal($"p.npy: {reason}", error.Message);
    }
}
