using LabelErrors.Core.Formats;
using System.Collections.Concurrent;
using LabelErrors.Core.ConfidentLearning;

namespace LabelErrors.Core.Tests.ConfidentLearning;

/// <summary>Locates the shared cleanlab reference outputs (<c>&lt;repo&gt;/../shared/reference</c>) and loads their inputs.</summary>
internal static class ReferenceData
{
    private static readonly Lazy<string?> SharedRoot = new(FindSharedRoot);
    private static readonly ConcurrentDictionary<string, (int[] Labels, PredProbs PredProbs)> Inputs = new();

    public static string? SharedDirectory => SharedRoot.Value;

    public static string? ReferenceDirectory =>
        SharedRoot.Value is { } shared && Directory.Exists(Path.Combine(shared, "reference")) ? Path.Combine(shared, "reference") : null;

    public static string MissingMessage =>
        "Reference data not found: expected <repository root>/../shared/reference (cleanlab outputs); test skipped.";

    /// <summary>Datasets whose <c>cleanlab-&lt;version&gt;</c> folder exists.</summary>
    public static IEnumerable<string> Datasets(string version)
    {
        if (ReferenceDirectory is not { } root) return [];
        return Directory.GetDirectories(root)
            .Where(d => Directory.Exists(Path.Combine(d, $"cleanlab-{version}")))
            .Select(Path.GetFileName)
            .OfType<string>()
            .Order(StringComparer.Ordinal);
    }

    /// <summary>Reference file names (not summary.json) of one dataset and version, including the ones only in stable_argsort/.</summary>
    public static IEnumerable<string> Files(string dataset, string version)
    {
        string dir = Path.Combine(ReferenceDirectory!, dataset, $"cleanlab-{version}");
        var names = Directory.GetFiles(dir).Select(Path.GetFileName).OfType<string>();
        string stable = Path.Combine(dir, "stable_argsort");
        if (Directory.Exists(stable)) names = names.Concat(Directory.GetFiles(stable).Select(Path.GetFileName).OfType<string>());
        return names.Where(n => n != "summary.json").Distinct().Order(StringComparer.Ordinal);
    }

    /// <summary>The file to match: the stable-argsort variant when it exists, else the default one.</summary>
    public static string Resolve(string dataset, string version, string file)
    {
        string dir = Path.Combine(ReferenceDirectory!, dataset, $"cleanlab-{version}");
        string stable = Path.Combine(dir, "stable_argsort", file);
        return File.Exists(stable) ? stable : Path.Combine(dir, file);
    }

    /// <summary>Inputs exactly as passed to cleanlab (see reference/README.md).</summary>
    public static (int[] Labels, PredProbs PredProbs) Load(string dataset, string version) =>
        Inputs.GetOrAdd($"{dataset}|{version}", _ => LoadCore(dataset, version));

    private static (int[] Labels, PredProbs PredProbs) LoadCore(string dataset, string version)
    {
        var (labelsPath, predProbsPath) = InputPaths(dataset, version);
        return (Npy.ReadLabels(labelsPath), Npy.ReadPredProbs(predProbsPath));
    }

    /// <summary>The pred_probs input of <see cref="Load"/> as a streaming file source.</summary>
    public static LabelErrors.Core.ConfidentLearning.Streaming.PredProbsSource OpenPredProbsFile(string dataset, string version) =>
        LabelErrors.Core.ConfidentLearning.Streaming.NpyPredProbsFile.Open(InputPaths(dataset, version).PredProbs);

    private static (string Labels, string PredProbs) InputPaths(string dataset, string version)
    {
        string dir = Path.Combine(ReferenceDirectory!, dataset);
        if (File.Exists(Path.Combine(dir, "inputs", "labels.npy")))
        {
            return (Path.Combine(dir, "inputs", "labels.npy"), Path.Combine(dir, "inputs", "pred_probs.npy"));
        }

        string data = Path.Combine(SharedDirectory!, "data", "label-errors");
        string baseName = dataset + "_test_set";
        string labels = Path.Combine(data, "original_test_labels", $"{baseName}_original_labels.npy");
        string normalized = Path.Combine(dir, "inputs", "pred_probs_row_normalized.npy");
        return version == "2.9.0" && File.Exists(normalized)
            ? (labels, normalized)
            : (labels, Path.Combine(data, "cross_validated_predicted_probabilities", $"{baseName}_pyx.npy"));
    }

    private static string? FindSharedRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "LabelErrors.Web.sln"))) dir = dir.Parent;
        if (dir?.Parent is null) return null;
        string shared = Path.Combine(dir.Parent.FullName, "shared");
        return Directory.Exists(shared) ? shared : null;
    }
}
