using System.Globalization;
using LabelErrors.Tests.Shared;

namespace LabelErrors.Web.Tests.Uploads.Annotators;

/// <summary>The seeded multi-annotator inputs of tests/reference/multiannotator and cleanlab 2.9.0's outputs on them.</summary>
public sealed class MultiAnnotatorReference(string name)
{
    private string Folder => Path.Combine(RepositoryPaths.Root, "tests", "reference", "multiannotator", name);

    public string LabelsPath => Path.Combine(Folder, "inputs", "labels_multiannotator.csv");

    public string PredProbsPath => Path.Combine(Folder, "inputs", "pred_probs.npy");

    private string Output(string table, string consensus) =>
        Path.Combine(Folder, "cleanlab-2.9.0", $"{table}__consensus_method={consensus}__quality_method=crowdlab.csv");

    /// <summary>label_quality rows: consensus_label, consensus_quality_score, annotator_agreement, num_annotations.</summary>
    public IReadOnlyList<(int Label, double Quality, double Agreement, int Annotations)> LabelQuality(string consensus = "best_quality") =>
        File.ReadLines(Output("label_quality", consensus)).Skip(1).Select(line => line.Split(','))
            .Select(f => (int.Parse(f[1], CultureInfo.InvariantCulture), Parse(f[2]), Parse(f[3]), int.Parse(f[4], CultureInfo.InvariantCulture)))
            .ToList();

    /// <summary>annotator_stats rows in cleanlab's order.</summary>
    public IReadOnlyList<(string Annotator, double Quality, double Agreement, int WorstClass, int Labelled)> AnnotatorStats(string consensus = "best_quality") =>
        File.ReadLines(Output("annotator_stats", consensus)).Skip(1).Select(line => line.Split(','))
            .Select(f => (f[0], Parse(f[1]), Parse(f[2]), int.Parse(f[3], CultureInfo.InvariantCulture), int.Parse(f[4], CultureInfo.InvariantCulture)))
            .ToList();

    /// <summary>The non-empty cells of the annotations CSV.</summary>
    public int AnnotationCount() =>
        File.ReadLines(LabelsPath).Skip(1).Sum(line => line.Split(',').Count(cell => cell.Length > 0));

    private static double Parse(string value) => value is "" or "nan" ? double.NaN : double.Parse(value, CultureInfo.InvariantCulture);
}
