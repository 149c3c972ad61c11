using System.Globalization;
using LabelErrors.Core.ConfidentLearning;
using LabelErrors.Core.Formats;

namespace LabelErrors.Core.Tests.ConfidentLearning;

/// <summary>
/// np.sum and np.mean bit for bit, around numpy's 8192-element reduction buffer (tests/reference/numpy/sums, made by
/// tests/reference/generate.py): what class thresholds, health scores and the calibrated joint are built from.
/// </summary>
public sealed class NumpySumsTests
{
    public static TheoryData<string> Files() => new(References().Select(r => r[0]));

    [Theory]
    [MemberData(nameof(Files))]
    public void Sum_and_mean_are_numpy_s_to_the_bit(string file)
    {
        var row = References().Single(r => r[0] == file);
        var array = Npy.Load(Path.Combine(Folder, file));
        (ulong sum, ulong mean) = array.DataType switch
        {
            NpyDataType.Float64 => Bits(array.GetData<double>()),
            NpyDataType.Float32 => Bits(array.GetData<float>()),
            NpyDataType.Float16 => Bits(array.GetData<Half>()),
            _ => throw new InvalidDataException(file),
        };

        Assert.Equal(ulong.Parse(row[2], NumberStyles.HexNumber), sum);
        Assert.Equal(ulong.Parse(row[4], NumberStyles.HexNumber), mean);
    }

    [Fact]
    public void Past_one_buffer_a_single_pairwise_sum_is_not_numpy_s()
    {
        // Why the buffers matter: on these inputs one pairwise sum over everything misses numpy's bits.
        int differs = References().Where(r => r[0].StartsWith("float64_", StringComparison.Ordinal))
            .Select(r => (Data: Npy.Load(Path.Combine(Folder, r[0])).GetData<double>(), Expected: ulong.Parse(r[2], NumberStyles.HexNumber)))
            .Count(r => r.Data.Length > NumpyReductions.ReduceBufferSize
                && BitConverter.DoubleToUInt64Bits(0.0 + NumpyReductions.PairwiseSum<double>(r.Data)) != r.Expected);
        Assert.True(differs > 0, "a whole-array pairwise sum matched numpy on every long input");
    }

    private static (ulong, ulong) Bits(double[] x) =>
        (BitConverter.DoubleToUInt64Bits(NumpyReductions.Sum<double>(x)), BitConverter.DoubleToUInt64Bits(NumpyReductions.Mean<double>(x)));

    private static (ulong, ulong) Bits(float[] x) =>
        (BitConverter.SingleToUInt32Bits(NumpyReductions.Sum<float>(x)), BitConverter.SingleToUInt32Bits(NumpyReductions.Mean<float>(x)));

    private static (ulong, ulong) Bits(Half[] x) =>
        (BitConverter.HalfToUInt16Bits(NumpyReductions.Sum<Half>(x)), BitConverter.HalfToUInt16Bits(NumpyReductions.Mean<Half>(x)));

    private static string Folder => Path.Combine(RepositoryReference.Directory, "numpy", "sums");

    private static IEnumerable<string[]> References() =>
        File.ReadLines(Path.Combine(Folder, "sums.csv")).Where(l => l.Length > 0 && !l.StartsWith('#')).Skip(1).Select(l => l.Split(','));
}
