using LabelErrors.Core.ConfidentLearning;
using LabelErrors.Core.ConfidentLearning.Streaming;

namespace LabelErrors.Core.Tests.ConfidentLearning.Streaming;

/// <summary>The integer paths over float16 bit patterns of pass 1 (top three without widening, _reduce_issues from the summary).</summary>
public sealed class HalfBitsTests
{
    [Fact]
    public void Non_negative_finite_float16_values_order_as_their_bits()
    {
        // every pattern from +0 to the largest finite value, in bit order, is strictly larger than the one before
        for (int bits = 1; bits <= 0x7BFF; bits++)
        {
            Half below = BitConverter.UInt16BitsToHalf((ushort)(bits - 1)), value = BitConverter.UInt16BitsToHalf((ushort)bits);
            Assert.True(value > below, $"0x{bits:x4}");
        }
    }

    [Fact]
    public void Top_three_on_bits_equals_the_widened_top_three_on_rows_full_of_ties()
    {
        var random = new Random(31);
        // widths below, at and above one and several 32-value vectors (the tail is handled value by value)
        int[] widths = [1, 2, 3, 5, 31, 32, 33, 63, 64, 65, 100, 345];
        for (int trial = 0; trial < 6000; trial++)
        {
            int k = widths[trial % widths.Length];
            // few distinct values, so maxima are often held by several columns, anywhere in the row
            var levels = Enumerable.Range(0, 1 + random.Next(5)).Select(_ => (Half)(random.NextDouble() * (random.Next(2) == 0 ? 1 : 1e-4))).ToArray();
            var row = Enumerable.Range(0, k).Select(_ => levels[random.Next(levels.Length)]).ToArray();
            var bits = Array.ConvertAll(row, BitConverter.HalfToUInt16Bits);
            var widened = Array.ConvertAll(row, v => (float)v);
            Assert.True(TopThree.TryOfNonNegativeHalves(bits, out var top));
            Assert.Equal(TopThree.Of<float>(widened), top);
        }
    }

    [Fact]
    public void Top_three_on_bits_declines_rows_whose_bits_do_not_order_as_values()
    {
        var row = Enumerable.Repeat((Half)0.01f, 40).ToArray();
        foreach (var odd in new[] { Half.NegativeZero, (Half)(-0.5f), Half.PositiveInfinity, Half.NaN })
        {
            foreach (int column in new[] { 0, 33, 39 })
            {
                var copy = (Half[])row.Clone();
                copy[column] = odd;
                Assert.False(TopThree.TryOfNonNegativeHalves(Array.ConvertAll(copy, BitConverter.HalfToUInt16Bits), out _), $"{odd} at {column}");
            }
        }
    }

    [Fact]
    public void Predicted_as_given_from_the_summary_equals_the_row_test()
    {
        var random = new Random(37);
        for (int trial = 0; trial < 20000; trial++)
        {
            int k = 1 + random.Next(8);
            // values a float16 ulp or 1e-6 apart, so the boosted own value often ties with or just misses another one
            Half own = (Half)(random.NextDouble() * 0.5);
            var candidates = new[] { own, Half.BitIncrement(own), Half.BitDecrement(own), own + (Half)1e-6, (Half)(random.NextDouble() * 0.5), Half.Zero };
            var row = Enumerable.Range(0, k).Select(_ => candidates[random.Next(candidates.Length)]).ToArray();
            int label = random.Next(k);
            var top = TopThree.Of<float>(Array.ConvertAll(row, v => (float)v));
            Half self = row[label];
            Half maxOther = top.FirstClass == label ? (k > 1 ? row[top.SecondClass] : Half.NegativeInfinity) : row[top.FirstClass];
            int maxOtherClass = top.FirstClass == label ? top.SecondClass : top.FirstClass;
            Assert.Equal(ClassPruning.IsPredictedAsGiven<Half>(row, label), RowSummaries<Half>.IsPredictedAsGiven(self, maxOther, maxOtherClass, label));

            var doubles = Array.ConvertAll(row, v => (double)v);
            var topDouble = TopThree.Of<double>(doubles);
            double maxOtherDouble = topDouble.FirstClass == label ? (k > 1 ? doubles[topDouble.SecondClass] : double.NegativeInfinity) : doubles[topDouble.FirstClass];
            int maxOtherClassDouble = topDouble.FirstClass == label ? topDouble.SecondClass : topDouble.FirstClass;
            Assert.Equal(
                ClassPruning.IsPredictedAsGiven<double>(doubles, label),
                RowSummaries<double>.IsPredictedAsGiven(doubles[label], maxOtherDouble, maxOtherClassDouble, label));
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Row_flags_read_back_what_parallel_workers_wrote(bool common)
    {
        const int n = 10_007;
        var expected = Enumerable.Range(0, n).Select(i => i % 7 == 0 || i % 64 == 63).ToArray();
        var flags = new RowFlags(n, common);
        // blocks of 13 rows (not a multiple of 64: neighbouring blocks share words), written concurrently
        Parallel.For(0, (n + 12) / 13, b =>
        {
            for (int i = b * 13; i < Math.Min(n, b * 13 + 13); i++) flags[i] = expected[i];
        });
        Assert.Equal(expected, Enumerable.Range(0, n).Select(i => flags[i]).ToArray());
    }
}
