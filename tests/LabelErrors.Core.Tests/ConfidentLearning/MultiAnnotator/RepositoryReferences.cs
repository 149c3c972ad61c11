using System.Globalization;

namespace LabelErrors.Core.Tests.ConfidentLearning.MultiAnnotator;

/// <summary>The cleanlab references committed in this repository under <c>tests/reference/&lt;topic&gt;/&lt;case&gt;</c>.</summary>
internal static class RepositoryReferences
{
    public static string Root(string topic) =>
        Path.Combine(SharedData.RepositoryRoot ?? throw new InvalidOperationException("no LabelErrors.Web.sln above the test binaries"), "tests", "reference", topic);

    /// <summary>Case folders of a topic that hold cleanlab 2.9.0 outputs.</summary>
    public static IEnumerable<string> Cases(string topic) =>
        Directory.GetDirectories(Root(topic))
            .Where(d => Directory.Exists(Path.Combine(d, "cleanlab-2.9.0")))
            .Select(Path.GetFileName)
            .OfType<string>()
            .Order(StringComparer.Ordinal);

    public static string Input(string topic, string @case, string file) => Path.Combine(Root(topic), @case, "inputs", file);

    public static string Output(string topic, string @case, string file) => Path.Combine(Root(topic), @case, "cleanlab-2.9.0", file);

    /// <summary>Data rows of a reference CSV, split on commas (the references never quote).</summary>
    public static string[][] Rows(string path) =>
        File.ReadAllLines(path).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToArray();

    /// <summary>A reference float: Python's repr, or "nan".</summary>
    public static double Number(string text) =>
        text == "nan" ? double.NaN : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Equal within <paramref name="tolerance"/> (relative above 1), NaN only where NaN is expected.</summary>
    public static void Close(double expected, double actual, double tolerance, string what)
    {
        if (double.IsNaN(expected) || double.IsNaN(actual))
        {
            Assert.True(double.IsNaN(expected) && double.IsNaN(actual), $"{what}: expected {expected.ToString("R", CultureInfo.InvariantCulture)}, got {actual.ToString("R", CultureInfo.InvariantCulture)}");
            return;
        }

        Assert.True(
            Math.Abs(expected - actual) <= tolerance * Math.Max(1.0, Math.Abs(expected)),
            $"{what}: expected {expected.ToString("R", CultureInfo.InvariantCulture)}, got {actual.ToString("R", CultureInfo.InvariantCulture)} (tolerance {tolerance})");
    }
}
