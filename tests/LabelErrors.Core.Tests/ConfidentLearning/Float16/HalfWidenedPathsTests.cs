using LabelErrors.Core.ConfidentLearning;

namespace LabelErrors.Core.Tests.ConfidentLearning.Float16;

/// <summary>
/// The float16 paths that widen rows to float (value scan, normalized margin) against the same computation in
/// <see cref="Half"/> arithmetic, value by value: identical results, on values of every float16 class.
/// </summary>
public sealed class HalfWidenedPathsTests
{
    [Fact]
    public void Value_scan_finds_the_same_finiteness_minimum_and_maximum()
    {
        var random = new Random(5);
        foreach (int length in new[] { 1, 15, 4096, 4097, 20_000 })
        {
            var values = new Half[length];
            for (int i = 0; i < length; i++) values[i] = BitConverter.UInt16BitsToHalf((ushort)(random.Next(0, 0x7c00) | (random.Next(2) << 15)));
            Assert.Equal(Scalar(values), ValueScan.ScanBlock<Half>(values));
            values[random.Next(length)] = Half.PositiveInfinity;
            Assert.Equal(Scalar(values), ValueScan.ScanBlock<Half>(values));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(100)]
    public void Normalized_margin_equals_float16_arithmetic(int k)
    {
        var random = new Random(k);
        int n = 5000;
        var data = new Half[n * k];
        for (int i = 0; i < data.Length; i++)
            data[i] = random.Next(4) == 0 ? BitConverter.UInt16BitsToHalf((ushort)random.Next(0, 0x400)) : (Half)random.NextDouble();
        var labels = Enumerable.Range(0, n).Select(i => i % k).ToArray();
        var p = new PredProbs<Half>(data, n, k);
        var scores = LabelQuality.NormalizedMargin<Half>(labels, p);
        for (int i = 0; i < n; i++)
        {
            var row = p.Row(i);
            Half expected = (row[labels[i]] - LabelQuality.MaxExcluding(row, labels[i]) + Half.One) / (Half)2;
            Assert.True(BitConverter.HalfToUInt16Bits(expected) == BitConverter.HalfToUInt16Bits(scores[i]), $"row {i}: {scores[i]} != {expected}");
        }
    }

    private static ValueScan.Result Scalar(Half[] values)
    {
        bool finite = true;
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var v in values)
        {
            finite &= Half.IsFinite(v);
            min = Math.Min(min, (double)v);
            max = Math.Max(max, (double)v);
        }

        return new ValueScan.Result(finite, min, max);
    }
}
