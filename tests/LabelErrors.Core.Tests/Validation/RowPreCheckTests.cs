using LabelErrors.Core.Validation;

namespace LabelErrors.Core.Tests.Validation;

/// <summary>The vectorised pre-check may only accept rows that the exact check accepts.</summary>
public class RowPreCheckTests
{
    private static readonly ValidationOptions Strict = new();
    private const double Tolerance = RowSumTolerance.SingleOrDouble;

    private static float[] UniformRow(int k) => Enumerable.Repeat(1f / k, k).ToArray();

    [Theory]
    [InlineData(2)]
    [InlineData(8)]
    [InlineData(17)]
    [InlineData(100)]
    public void Accepts_ordinary_rows_of_any_length(int k)
    {
        var row = UniformRow(k);
        Assert.Null(InputValidator.CheckRow(Array.ConvertAll(row, v => (double)v), Tolerance, Strict));
        Assert.True(RowPreCheck.IsCertainlyValid(row, Tolerance, RowPreCheck.AboveOneLimit(Strict)));
        Assert.True(RowPreCheck.IsCertainlyValid(Array.ConvertAll(row, v => (double)v), Tolerance, RowPreCheck.AboveOneLimit(Strict)));
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity)]
    [InlineData(-1e-30f)]
    [InlineData(1.5f)]
    public void Leaves_every_bad_value_to_the_exact_check_wherever_it_is(float bad)
    {
        for (int column = 0; column < 21; column++)
        {
            var row = UniformRow(21);
            row[column] = bad;
            var widened = Array.ConvertAll(row, v => (double)v);
            Assert.NotNull(InputValidator.CheckRow(widened, Tolerance, Strict));
            Assert.False(RowPreCheck.IsCertainlyValid(row, Tolerance, RowPreCheck.AboveOneLimit(Strict)));
            Assert.False(RowPreCheck.IsCertainlyValid(widened, Tolerance, RowPreCheck.AboveOneLimit(Strict)));
        }
    }

    [Fact]
    public void Sums_at_the_edge_of_the_tolerance_go_to_the_exact_check()
    {
        // sums just inside and just outside 1 ± 1e-4: the pre-check declines both, the exact check decides
        foreach (double sum in new[] { 1 + Tolerance * (1 - 1e-12), 1 + Tolerance * (1 + 1e-12), 1 - Tolerance })
        {
            var row = new double[16];
            Array.Fill(row, sum / 16);
            Assert.False(RowPreCheck.IsCertainlyValid(row, Tolerance, RowPreCheck.AboveOneLimit(Strict)));
        }

        var clearlyOff = Enumerable.Repeat(1.01 / 16, 16).ToArray();
        Assert.NotNull(InputValidator.CheckRow(clearlyOff, Tolerance, Strict));
        Assert.False(RowPreCheck.IsCertainlyValid(clearlyOff, Tolerance, RowPreCheck.AboveOneLimit(Strict)));
    }

    [Fact]
    public void Values_above_one_pass_when_allowed()
    {
        var row = new float[16];
        row[3] = 1 + 1e-5f;
        var allowed = new ValidationOptions { AllowValuesAboveOne = true };
        // the sum is 1 + 1e-5: within the tolerance, so only the above-one rule decides
        Assert.NotNull(InputValidator.CheckRow(Array.ConvertAll(row, v => (double)v), Tolerance, Strict));
        Assert.False(RowPreCheck.IsCertainlyValid(row, Tolerance, RowPreCheck.AboveOneLimit(Strict)));
        Assert.Null(InputValidator.CheckRow(Array.ConvertAll(row, v => (double)v), Tolerance, allowed));
        Assert.True(RowPreCheck.IsCertainlyValid(row, Tolerance, RowPreCheck.AboveOneLimit(allowed)));
    }

    [Fact]
    public void Random_rows_never_get_a_different_answer()
    {
        var random = new Random(5);
        int accepted = 0;
        for (int trial = 0; trial < 20_000; trial++)
        {
            int k = 1 + random.Next(40);
            var row = new float[k];
            double total = 0;
            for (int c = 0; c < k; c++) total += row[c] = (float)random.NextDouble();
            // rows normalised, then nudged by up to ±2e-4 in the sum, sometimes with one value pushed out of range
            float scale = (float)((1 + (random.NextDouble() - 0.5) * 4e-4) / total);
            for (int c = 0; c < k; c++) row[c] *= scale;
            if (random.Next(10) == 0) row[random.Next(k)] = random.Next(2) == 0 ? -1e-7f : 1.000002f;
            var widened = Array.ConvertAll(row, v => (double)v);
            bool exact = InputValidator.CheckRow(widened, Tolerance, Strict) is null;
            if (RowPreCheck.IsCertainlyValid(row, Tolerance, RowPreCheck.AboveOneLimit(Strict)))
            {
                Assert.True(exact, $"trial {trial}");
                accepted++;
            }

            if (RowPreCheck.IsCertainlyValid(widened, Tolerance, RowPreCheck.AboveOneLimit(Strict))) Assert.True(exact, $"trial {trial}");
        }

        Assert.True(accepted > 5_000, $"the pre-check accepted only {accepted} rows: it would save nothing");
    }
}
