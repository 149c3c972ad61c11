using System.Globalization;
using System.Text.Json;

namespace LabelErrors.Core.Tests.ConfidentLearning;

/// <summary>Reading reference files and comparing numbers with a relative/absolute tolerance.</summary>
internal static class ReferenceAssert
{
    public static double Parse(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Data lines of a CSV file split into cells (header skipped).</summary>
    public static string[][] CsvRows(string path) =>
        File.ReadAllLines(path).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToArray();

    public static JsonElement Json(string path) => JsonDocument.Parse(File.ReadAllText(path)).RootElement;

    public static int[] Indices(string path) => Json(path).GetProperty("indices").EnumerateArray().Select(e => e.GetInt32()).ToArray();

    public static void Close(double expected, double actual, double tolerance, string what)
    {
        double allowed = tolerance * Math.Max(1.0, Math.Abs(expected));
        Assert.True(
            Math.Abs(expected - actual) <= allowed,
            $"{what}: expected {expected.ToString("R", CultureInfo.InvariantCulture)}, got {actual.ToString("R", CultureInfo.InvariantCulture)} (tolerance {tolerance}).");
    }

    public static void IntMatrix(string path, long[,] actual)
    {
        var rows = CsvRows(path);
        Assert.Equal(rows.Length, actual.GetLength(0));
        for (int i = 0; i < rows.Length; i++)
        {
            var expected = rows[i].Skip(1).Select(long.Parse).ToArray();
            var got = Enumerable.Range(0, actual.GetLength(1)).Select(j => actual[i, j]).ToArray();
            Assert.True(expected.SequenceEqual(got), $"row {i}: expected [{string.Join(",", expected)}], got [{string.Join(",", got)}]");
        }
    }

    public static void FloatMatrix(IReadOnlyList<double[]> expected, double[,] actual, double tolerance, string what)
    {
        Assert.Equal(expected.Count, actual.GetLength(0));
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Length, actual.GetLength(1));
            for (int j = 0; j < expected[i].Length; j++) Close(expected[i][j], actual[i, j], tolerance, $"{what}[{i},{j}]");
        }
    }

    public static void SameIndices(int[] expected, int[] actual, string what)
    {
        Assert.True(
            expected.SequenceEqual(actual),
            $"{what}: expected {expected.Length} indices, got {actual.Length}; first difference at position "
            + $"{Enumerable.Range(0, Math.Min(expected.Length, actual.Length)).FirstOrDefault(i => expected[i] != actual[i], Math.Min(expected.Length, actual.Length))}; "
            + $"only expected: [{string.Join(",", expected.Except(actual).Take(20))}], only actual: [{string.Join(",", actual.Except(expected).Take(20))}]");
    }
}
