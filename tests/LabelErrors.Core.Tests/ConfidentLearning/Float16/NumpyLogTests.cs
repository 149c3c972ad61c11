using System.Globalization;
using LabelErrors.Core.ConfidentLearning;

namespace LabelErrors.Core.Tests.ConfidentLearning.Float16;

public sealed class NumpyLogTests
{
    [Fact]
    public void Float32_log_is_bit_identical_to_numpy()
    {
        string path = Path.Combine(RepositoryReference.Directory, "numpy", "log_float32.csv");
        var rows = File.ReadAllLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).Skip(1).ToArray();
        Assert.True(rows.Length >= 5000);
        int differsFromMathF = 0;
        foreach (string line in rows)
        {
            var cells = line.Split(',');
            float x = BitConverter.Int32BitsToSingle(int.Parse(cells[0], NumberStyles.HexNumber));
            int expected = int.Parse(cells[1], NumberStyles.HexNumber);
            int actual = BitConverter.SingleToInt32Bits(NumpyLog.Log(x));
            Assert.True(expected == actual, $"log({x:R}): numpy {BitConverter.Int32BitsToSingle(expected):R}, got {BitConverter.Int32BitsToSingle(actual):R}");
            if (BitConverter.SingleToInt32Bits(MathF.Log(x)) != expected) differsFromMathF++;
        }

        // the point of the port: a correctly rounded log would not match numpy
        Assert.True(differsFromMathF > 100, $"only {differsFromMathF} inputs differ from MathF.Log");
    }

    [Fact]
    public void Special_values_follow_numpy()
    {
        Assert.Equal(float.NegativeInfinity, NumpyLog.Log(0f));
        Assert.Equal(float.PositiveInfinity, NumpyLog.Log(float.PositiveInfinity));
        Assert.True(float.IsNaN(NumpyLog.Log(-1f)));
        Assert.True(float.IsNaN(NumpyLog.Log(float.NaN)));
        Assert.Equal(0f, NumpyLog.Log(1f));
    }
}
