using LabelErrors.Core.ConfidentLearning;

namespace LabelErrors.Core.Tests.ConfidentLearning.Float16;

/// <summary>float16 arithmetic kept in float32 (<see cref="Float16Arithmetic"/>) against .NET's own conversion to <see cref="Half"/>.</summary>
public sealed class Float16ArithmeticTests
{
    [Fact]
    public void Rounding_equals_a_conversion_to_half_and_back_around_every_float16_value_and_its_midpoints()
    {
        var random = new Random(17);
        for (int pattern = 0; pattern < 65536; pattern++)
        {
            uint bits = BitConverter.SingleToUInt32Bits((float)BitConverter.UInt16BitsToHalf((ushort)pattern));
            // the value, its float32 neighbours, and the midpoints to the next float16 (normal: 2^13 float32 steps) with theirs
            foreach (long offset in new long[] { 0, 1, -1, 0x1000, 0x0fff, 0x1001, -0x1000, -0x0fff, -0x1001, random.Next(1, 0x2000) })
            {
                long candidate = bits + offset;
                if (candidate is < 0 or > uint.MaxValue) continue;
                AssertRoundsLikeHalf(BitConverter.UInt32BitsToSingle((uint)candidate));
            }
        }
    }

    [Fact]
    public void Rounding_equals_a_conversion_to_half_and_back_for_random_floats_of_every_magnitude()
    {
        var random = new Random(42);
        for (int i = 0; i < 2_000_000; i++) AssertRoundsLikeHalf(BitConverter.UInt32BitsToSingle((uint)random.NextInt64(0, 1L << 32)));
        // float16's subnormal range and the values just below its smallest normal, where the two rounding paths meet
        for (int i = 0; i < 1_000_000; i++) AssertRoundsLikeHalf((float)(random.NextDouble() * 1.3e-4 - 6.5e-5));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(100)]
    [InlineData(129)]
    [InlineData(345)]
    [InlineData(9000)]
    public void Sum_equals_numpys_float16_sum(int length)
    {
        var random = new Random(length);
        for (int trial = 0; trial < 200; trial++)
        {
            var halves = new Half[length];
            for (int i = 0; i < length; i++) halves[i] = (Half)(random.NextDouble() * (trial % 2 == 0 ? 1 : 1e-4));
            var floats = Array.ConvertAll(halves, h => (float)h);
            float expected = (float)NumpyReductions.Sum<Half>(halves);
            Assert.Equal(BitConverter.SingleToUInt32Bits(expected), BitConverter.SingleToUInt32Bits(Float16Arithmetic.Sum(floats)));
        }
    }

    private static void AssertRoundsLikeHalf(float value)
    {
        float expected = (float)(Half)value;
        float actual = Float16Arithmetic.Round(value);
        if (float.IsNaN(expected)) Assert.True(float.IsNaN(actual), $"{value:R}: {actual:R} is not NaN");
        else if (BitConverter.SingleToUInt32Bits(expected) != BitConverter.SingleToUInt32Bits(actual))
            Assert.Fail($"{value:R} (0x{BitConverter.SingleToUInt32Bits(value):X8}): {actual:R}, (float)(Half) gives {expected:R}");
    }
}
