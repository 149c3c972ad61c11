using LabelErrors.Core.ConfidentLearning;

namespace LabelErrors.Core.Tests.ConfidentLearning;

public sealed class HalfWideningTests
{
    [Fact]
    public void Every_float16_bit_pattern_widens_to_the_value_of_a_scalar_conversion()
    {
        // all 65,536 patterns, then an odd-length tail so the scalar remainder runs too
        var halves = Enumerable.Range(0, 65536).Select(b => BitConverter.UInt16BitsToHalf((ushort)b)).Append((Half)0.25f).ToArray();
        var widened = new float[halves.Length];
        HalfWidening.ToSingle(halves, widened);
        for (int i = 0; i < halves.Length; i++)
        {
            float expected = (float)halves[i];
            if (float.IsNaN(expected)) Assert.True(float.IsNaN(widened[i]), $"pattern {i:X4}: {widened[i]} is not NaN");
            else Assert.True(BitConverter.SingleToUInt32Bits(expected) == BitConverter.SingleToUInt32Bits(widened[i]), $"pattern {i:X4}: {widened[i]} != {expected}");
        }
    }
}
