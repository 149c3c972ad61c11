using System.Text.Json;
using LabelErrors.Core.ConfidentLearning;

namespace LabelErrors.Core.Tests.ConfidentLearning;

/// <summary>
/// Every cleanlab 2.9.0 reference file of every dataset (shared/reference/&lt;dataset&gt;/cleanlab-2.9.0),
/// compared number by number; the stable-argsort variant is used where it exists.
/// </summary>
public sealed class Cleanlab290ReferenceTests
{
    private const string Version = "2.9.0";

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (string dataset in ReferenceData.Datasets(Version))
        {
            foreach (string file in ReferenceData.Files(dataset, Version)) data.Add(dataset, file);
        }

        return data;
    }

    [ReferenceTheory]
    [MemberData(nameof(Cases))]
    public void Output_matches_cleanlab(string dataset, string file)
    {
        var (labels, p) = ReferenceData.Load(dataset, Version);
        string path = ReferenceData.Resolve(dataset, Version, file);
        double tolerance = p.Precision switch
        {
            FloatPrecision.Float64 => 1e-9,
            FloatPrecision.Float32 => 1e-5,
            _ => 2e-3,
        };
        string name = Path.GetFileNameWithoutExtension(file);

        switch (name)
        {
            case "compute_confident_joint__calibrate=True":
                ReferenceAssert.IntMatrix(path, ConfidentJoint.Compute(labels, p, calibrate: true));
                return;
            case "compute_confident_joint__calibrate=False":
                ReferenceAssert.IntMatrix(path, ConfidentJoint.Compute(labels, p, calibrate: false));
                return;
            case "estimate_joint":
                ReferenceAssert.FloatMatrix(ReadFloatCsvMatrix(path), ConfidentJoint.EstimateJoint(labels, p), tolerance, name);
                return;
            case "estimate_latent":
                CheckLatent(path, Latent.Estimate(ConfidentJoint.Compute(labels, p), labels), tolerance);
                return;
            case "num_label_issues":
                {
                    var results = ReferenceAssert.Json(path).GetProperty("results");
                    Assert.Equal(results.GetProperty("off_diagonal").GetInt32(), LabelIssues.Count(labels, p, NumLabelIssuesMethod.OffDiagonal));
                    Assert.Equal(results.GetProperty("off_diagonal_calibrated").GetInt32(), LabelIssues.Count(labels, p, NumLabelIssuesMethod.OffDiagonalCalibrated));
                    return;
                }

            case "dataset.overall_label_health_score":
                ReferenceAssert.Close(
                    ReferenceAssert.Parse(ReferenceAssert.Json(path).GetProperty("value").GetString()!),
                    DatasetHealth.OverallLabelHealthScore(labels, p),
                    tolerance,
                    name);
                return;
            case "dataset.rank_classes_by_label_quality":
            case "dataset.health_summary__classes_by_label_quality":
                CheckClasses(path, DatasetHealth.RankClassesByLabelQuality(labels, p), tolerance);
                return;
            case "dataset.find_overlapping_classes__asymmetric=False":
            case "dataset.health_summary__overlapping_classes":
                CheckOverlaps(path, DatasetHealth.FindOverlappingClasses(labels, p, asymmetric: false), tolerance);
                return;
            case "dataset.find_overlapping_classes__asymmetric=True":
                CheckOverlaps(path, DatasetHealth.FindOverlappingClasses(labels, p, asymmetric: true), tolerance);
                return;
            case "dataset.health_summary":
                CheckHealthSummary(path, DatasetHealth.HealthSummary(labels, p), tolerance);
                return;
        }

        if (name.StartsWith("get_label_quality_scores__method=", StringComparison.Ordinal))
        {
            string rest = name["get_label_quality_scores__method=".Length..];
            bool adjust = rest.EndsWith("__adjust_pred_probs=True", StringComparison.Ordinal);
            if (adjust) rest = rest[..^"__adjust_pred_probs=True".Length];
            var scores = LabelQuality.Scores(labels, p, ParseEnum<ScoreMethod>(rest), adjust);
            var rows = ReferenceAssert.CsvRows(path);
            Assert.Equal(rows.Length, scores.Length);
            for (int i = 0; i < rows.Length; i++) ReferenceAssert.Close(ReferenceAssert.Parse(rows[i][1]), scores[i], tolerance, $"{name}[{i}]");
            return;
        }

        if (name.StartsWith("find_label_issues__", StringComparison.Ordinal))
        {
            var json = ReferenceAssert.Json(path);
            var (options, ranked) = FindOptions(name["find_label_issues__".Length..], json);
            var result = LabelIssues.Find(labels, p, options);
            var expected = ReferenceAssert.Indices(path);
            var actual = ranked ? result.RankedIndices! : Enumerable.Range(0, result.Mask.Length).Where(i => result.Mask[i]).ToArray();
            ReferenceAssert.SameIndices(expected, actual, name);
            return;
        }

        Assert.Fail($"No check for reference file {file}: add one.");
    }

    private static (FindLabelIssuesOptions Options, bool Ranked) FindOptions(string spec, JsonElement json)
    {
        const string ntrSuffix = "__num_to_remove_per_class";
        if (spec.EndsWith(ntrSuffix, StringComparison.Ordinal))
        {
            var ntr = json.GetProperty("num_to_remove_per_class").EnumerateArray().Select(e => e.GetInt32()).ToArray();
            var filter = ParseEnum<FilterBy>(spec[..^ntrSuffix.Length]["filter_by=".Length..]);
            return (new FindLabelIssuesOptions { FilterBy = filter, NumToRemovePerClass = ntr }, false);
        }

        var parts = spec.Split('=', 2);
        return parts[0] switch
        {
            "filter_by" => (new FindLabelIssuesOptions { FilterBy = ParseEnum<FilterBy>(parts[1]) }, false),
            "return_indices_ranked_by" => (new FindLabelIssuesOptions { ReturnIndicesRankedBy = ParseEnum<RankBy>(parts[1]) }, true),
            "frac_noise" => (new FindLabelIssuesOptions { FracNoise = ReferenceAssert.Parse(parts[1]) }, false),
            "min_examples_per_class" => (new FindLabelIssuesOptions { MinExamplesPerClass = int.Parse(parts[1]) }, false),
            _ => throw new InvalidOperationException($"Unknown find_label_issues option in {spec}."),
        };
    }

    private static TEnum ParseEnum<TEnum>(string snakeCase)
        where TEnum : struct, Enum => Enum.Parse<TEnum>(snakeCase.Replace("_", string.Empty), ignoreCase: true);

    private static List<double[]> ReadFloatCsvMatrix(string path) =>
        ReferenceAssert.CsvRows(path).Select(r => r.Skip(1).Select(ReferenceAssert.Parse).ToArray()).ToList();

    private static List<double[]> JsonMatrix(JsonElement rows) =>
        rows.EnumerateArray().Select(r => r.EnumerateArray().Select(v => ReferenceAssert.Parse(v.GetString()!)).ToArray()).ToList();

    private static void CheckLatent(string path, LatentEstimates latent, double tolerance)
    {
        var json = ReferenceAssert.Json(path);
        var py = json.GetProperty("py").EnumerateArray().Select(v => ReferenceAssert.Parse(v.GetString()!)).ToArray();
        Assert.Equal(py.Length, latent.Py.Length);
        for (int i = 0; i < py.Length; i++) ReferenceAssert.Close(py[i], latent.Py[i], tolerance, $"py[{i}]");
        ReferenceAssert.FloatMatrix(JsonMatrix(json.GetProperty("noise_matrix").GetProperty("rows")), latent.NoiseMatrix, tolerance, "noise_matrix");
        ReferenceAssert.FloatMatrix(JsonMatrix(json.GetProperty("inverse_noise_matrix").GetProperty("rows")), latent.InverseNoiseMatrix, tolerance, "inverse_noise_matrix");
    }

    private static void CheckClasses(string path, IReadOnlyList<ClassLabelQuality> actual, double tolerance)
    {
        var rows = ReferenceAssert.CsvRows(path);
        Assert.Equal(rows.Length, actual.Count);
        for (int r = 0; r < rows.Length; r++)
        {
            var got = actual[r];
            Assert.Equal(int.Parse(rows[r][0]), got.ClassIndex);
            Assert.Equal(long.Parse(rows[r][1]), got.LabelIssues);
            Assert.Equal(long.Parse(rows[r][2]), got.InverseLabelIssues);
            ReferenceAssert.Close(ReferenceAssert.Parse(rows[r][3]), got.LabelNoise, tolerance, $"row {r} Label Noise");
            ReferenceAssert.Close(ReferenceAssert.Parse(rows[r][4]), got.InverseLabelNoise, tolerance, $"row {r} Inverse Label Noise");
            ReferenceAssert.Close(ReferenceAssert.Parse(rows[r][5]), got.LabelQualityScore, tolerance, $"row {r} Label Quality Score");
        }
    }

    private static void CheckOverlaps(string path, IReadOnlyList<ClassOverlap> actual, double tolerance)
    {
        var rows = ReferenceAssert.CsvRows(path);
        Assert.Equal(rows.Length, actual.Count);
        for (int r = 0; r < rows.Length; r++)
        {
            var got = actual[r];
            Assert.True(
                int.Parse(rows[r][0]) == got.ClassIndexA && int.Parse(rows[r][1]) == got.ClassIndexB,
                $"row {r}: expected pair ({rows[r][0]},{rows[r][1]}), got ({got.ClassIndexA},{got.ClassIndexB})");
            Assert.Equal(long.Parse(rows[r][2]), got.NumOverlappingExamples);
            ReferenceAssert.Close(ReferenceAssert.Parse(rows[r][3]), got.JointProbability, tolerance, $"row {r} Joint Probability");
        }
    }

    private static void CheckHealthSummary(string path, HealthSummary actual, double tolerance)
    {
        var json = ReferenceAssert.Json(path);
        ReferenceAssert.Close(ReferenceAssert.Parse(json.GetProperty("overall_label_health_score").GetString()!), actual.OverallLabelHealthScore, tolerance, "overall_label_health_score");
        ReferenceAssert.FloatMatrix(JsonMatrix(json.GetProperty("joint")), actual.Joint, tolerance, "joint");
        var classes = json.GetProperty("classes_by_label_quality").EnumerateArray().ToArray();
        Assert.Equal(classes.Length, actual.ClassesByLabelQuality.Count);
        for (int r = 0; r < classes.Length; r++)
        {
            Assert.Equal(classes[r].GetProperty("Class Index").GetInt32(), actual.ClassesByLabelQuality[r].ClassIndex);
            ReferenceAssert.Close(classes[r].GetProperty("Label Quality Score").GetDouble(), actual.ClassesByLabelQuality[r].LabelQualityScore, Math.Max(tolerance, 1e-12), $"class row {r}");
        }

        var overlaps = json.GetProperty("overlapping_classes").EnumerateArray().ToArray();
        Assert.Equal(overlaps.Length, actual.OverlappingClasses.Count);
        for (int r = 0; r < overlaps.Length; r++)
        {
            Assert.Equal(overlaps[r].GetProperty("Class Index A").GetInt32(), actual.OverlappingClasses[r].ClassIndexA);
            Assert.Equal(overlaps[r].GetProperty("Class Index B").GetInt32(), actual.OverlappingClasses[r].ClassIndexB);
            Assert.Equal(overlaps[r].GetProperty("Num Overlapping Examples").GetInt64(), actual.OverlappingClasses[r].NumOverlappingExamples);
        }
    }
}
