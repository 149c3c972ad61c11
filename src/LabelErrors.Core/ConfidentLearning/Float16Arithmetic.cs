using System.Runtime.CompilerServices;

namespace LabelErrors.Core.ConfidentLearning;

/// <summary>
/// numpy's float16 arithmetic on values held as float32. numpy (like .NET's <see cref="Half"/> operators) computes
/// each float16 operation in float32 and rounds the result to float16; .NET does that rounding through a
/// value-by-value conversion to <see cref="Half"/> and back, the largest cost of float16 loops. Rounding a float32 to
/// float16 precision and keeping it as float32 needs no conversion: the same result, a few integer operations.
/// </summary>
internal static class Float16Arithmetic
{
    private const float SmallestNormal = 6.10351562e-05f; // 2^-14
    private const float Largest = 65504f;

    /// <summary><c>(float)(Half)value</c> for every float32 (round to nearest even; overflow to ±∞; NaN stays NaN).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Round(float value)
    {
        float magnitude = MathF.Abs(value);
        float rounded;
        if (magnitude < SmallestNormal)
        {
            // float16 subnormals are multiples of 2^-24, the spacing of float32 in [0.5, 1): adding 0.5 rounds there
            rounded = (magnitude + 0.5f) - 0.5f;
        }
        else
        {
            // keep 10 of float32's 23 mantissa bits, rounding half to even; a carry moves into the exponent
            uint bits = BitConverter.SingleToUInt32Bits(magnitude);
            if (bits >= 0x7f800000) return value; // ∞ and NaN
            bits = (bits + 0xfff + ((bits >> 13) & 1)) & 0xffffe000;
            rounded = BitConverter.UInt32BitsToSingle(bits);
            if (rounded > Largest) rounded = float.PositiveInfinity;
        }

        return MathF.CopySign(rounded, value);
    }

    /// <summary>
    /// <see cref="NumpyReductions.Sum{T}(ReadOnlySpan{T})"/> of float16 values given as float32: numpy sums each run
    /// of 8192 pairwise in float32 and adds it to the float16 result, rounding once per run.
    /// </summary>
    public static float Sum(ReadOnlySpan<float> values)
    {
        float result = 0f;
        for (int start = 0; start < values.Length; start += NumpyReductions.ReduceBufferSize)
        {
            int length = Math.Min(NumpyReductions.ReduceBufferSize, values.Length - start);
            result = Round(result + NumpyReductions.PairwiseSum(values, start, length, 1));
        }

        return result;
    }
}
