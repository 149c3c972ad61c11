namespace LabelErrors.Core.ConfidentLearning;

/// <summary>
/// numpy 1.24's float32 <c>np.log</c> on x86-64 with AVX2/AVX512F (<c>simd_log_FLOAT</c> in
/// <c>loops_exponent_log.dispatch.c.src</c>): every float32 element, contiguous or strided, goes through this kernel.
/// It is not correctly rounded (up to 3.83 ULP; ~15% of inputs differ from <see cref="MathF.Log(float)"/> by 1 ULP),
/// so float32 scores that end in a log (confidence_weighted_entropy) need this exact algorithm to match cleanlab.
/// </summary>
internal static class NumpyLog
{
    // npy_simd_data.h: the rational approximation P(x)/Q(x) of log(1 + x) for x in [sqrt(1/2) - 1, sqrt(2) - 1).
    private const float P0 = 0.000000000000000000000e+00f;
    private const float P1 = 9.999999999999998702752e-01f;
    private const float P2 = 2.112677543073053063722e+00f;
    private const float P3 = 1.480000633576506585156e+00f;
    private const float P4 = 3.808837741388407920751e-01f;
    private const float P5 = 2.589979117907922693523e-02f;
    private const float Q0 = 1.000000000000000000000e+00f;
    private const float Q1 = 2.612677543073109236779e+00f;
    private const float Q2 = 2.453006071784736363091e+00f;
    private const float Q3 = 9.864942958519418960339e-01f;
    private const float Q4 = 1.546476374983906719538e-01f;
    private const float Q5 = 5.875095403124574342950e-03f;
    private const float Loge2 = 0.693147180559945309417232121458176568f; // NPY_LOGE2f
    private const float Sqrt1Over2 = 0.707106781186547524400844362104849039f; // NPY_SQRT1_2f

    /// <summary>log(x) exactly as numpy computes it for a float32 element.</summary>
    public static float Log(float x)
    {
        if (float.IsNaN(x)) return x;
        if (x < 0) return float.NaN;
        if (x == 0) return float.NegativeInfinity;
        if (float.IsPositiveInfinity(x)) return x;

        // x = mantissa · 2^exponent with mantissa in [0.5, 1); subnormals are scaled by 2^100 first (AVX2 kernel),
        // which gives the same split as AVX512F's getexp/getmant.
        int bias = 126;
        if (x < 1.17549435e-38f) // FLT_MIN
        {
            x *= 1.2676506e30f; // 2^100, exact
            bias += 100;
        }

        int bits = BitConverter.SingleToInt32Bits(x);
        float exponent = (bits >> 23) - bias;
        float m = BitConverter.Int32BitsToSingle((bits & 0x7FFFFF) | (126 << 23));
        if (m <= Sqrt1Over2)
        {
            m += m;
            exponent -= 1f;
        }

        m -= 1f;
        float num = MathF.FusedMultiplyAdd(P5, m, P4);
        num = MathF.FusedMultiplyAdd(num, m, P3);
        num = MathF.FusedMultiplyAdd(num, m, P2);
        num = MathF.FusedMultiplyAdd(num, m, P1);
        num = MathF.FusedMultiplyAdd(num, m, P0);
        float den = MathF.FusedMultiplyAdd(Q5, m, Q4);
        den = MathF.FusedMultiplyAdd(den, m, Q3);
        den = MathF.FusedMultiplyAdd(den, m, Q2);
        den = MathF.FusedMultiplyAdd(den, m, Q1);
        den = MathF.FusedMultiplyAdd(den, m, Q0);
        return MathF.FusedMultiplyAdd(exponent, Loge2, num / den);
    }
}
