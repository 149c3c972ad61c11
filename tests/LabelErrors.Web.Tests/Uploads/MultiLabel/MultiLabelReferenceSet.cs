using System.Globalization;
using System.Text.Json;
using LabelErrors.Tests.Shared;

namespace LabelErrors.Web.Tests.Uploads.MultiLabel;

/// <summary>cleanlab 2.9.0's outputs on the 400 × 4 float64 multi-label reference set (tests/reference/multilabel).</summary>
internal static class MultiLabelReferenceSet
{
    public static string Folder => Path.Combine(RepositoryPaths.Root, "tests", "reference", "multilabel", "synthetic_N400_K4_float64");

    public static string LabelsPath => Path.Combine(Folder, "inputs", "labels.json");

    public static string PredProbsPath => Path.Combine(Folder, "inputs", "pred_probs.npy");

    public static int[][] Labels => JsonSerializer.Deserialize<int[][]>(File.ReadAllText(LabelsPath))!;

    public static int[] Indices(string file) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, file))).RootElement.GetProperty("indices").EnumerateArray().Select(e => e.GetInt32()).ToArray();

    public static int[][] PerClass(string file) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, file))).RootElement.GetProperty("per_class").EnumerateArray()
            .Select(c => c.EnumerateArray().Select(e => e.GetInt32()).ToArray()).ToArray();

    /// <summary>A CSV of cleanlab's scores: one row per example (after the dtype comment and header), the columns after index.</summary>
    public static double[][] Scores(string file) =>
        File.ReadAllLines(Path.Combine(Folder, file)).Where(l => !l.StartsWith('#')).Skip(1)
            .Select(l => l.Split(',').Skip(1).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();
}
