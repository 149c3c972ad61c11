using LabelErrors.Core.Formats;
using System.Text.Json;
using LabelErrors.Core.ConfidentLearning;

namespace LabelErrors.Core.Tests.ConfidentLearning;

/// <summary>
/// <see cref="PaperSelection.Select"/> against the candidates published on labelerrors.com
/// (shared/data/label-errors/mturk/&lt;ds&gt;_mturk.json) for the datasets whose pred_probs are shared.
/// </summary>
public sealed class PaperSelectionTests
{
    public static TheoryData<string, int> Datasets() => new()
    {
        { "mnist", 100 },
        { "cifar10", 275 },
        { "imdb", 1310 },
        { "20news", 93 },
    };

    [ReferenceTheory]
    [MemberData(nameof(Datasets))]
    public void Selection_equals_the_labelerrors_com_candidates(string slug, int expectedCount)
    {
        string data = Path.Combine(ReferenceData.SharedDirectory!, "data", "label-errors");
        string baseName = slug + "_test_set";
        var labels = Npy.ReadLabels(Path.Combine(data, "original_test_labels", $"{baseName}_original_labels.npy"));
        var p = Npy.ReadPredProbs(Path.Combine(data, "cross_validated_predicted_probabilities", $"{baseName}_pyx.npy"));

        var selected = PaperSelection.Select(slug, labels, p);

        var site = SiteCandidates(data, slug);
        Assert.Equal(expectedCount, site.Count);
        Assert.Equal(expectedCount, selected.Length);
        Assert.True(site.SetEquals(selected), $"{slug}: only selected [{string.Join(",", selected.Except(site).Take(20))}], only on site [{string.Join(",", site.Except(selected).Take(20))}]");
    }

    [ReferenceFact]
    public void Mnist_tutorial_rule_counts_87_of_the_100_shown()
    {
        string data = Path.Combine(ReferenceData.SharedDirectory!, "data", "label-errors");
        var labels = Npy.ReadLabels(Path.Combine(data, "original_test_labels", "mnist_test_set_original_labels.npy"));
        var p = Npy.ReadPredProbs(Path.Combine(data, "cross_validated_predicted_probabilities", "mnist_test_set_pyx.npy"));

        Assert.Equal(87, PaperSelection.NumErrors("mnist", labels, p));
        Assert.Equal(PaperSelection.Select("mnist", labels, p)[..87], PaperSelection.LowestMargins(labels, p, 87));
    }

    private static HashSet<int> SiteCandidates(string data, string slug)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(data, "mturk", $"{slug}_mturk.json")));
        var ids = doc.RootElement.EnumerateArray().Select(e => e.GetProperty("id")).ToList();
        if (slug != "imdb") return ids.Select(id => id.GetInt32()).ToHashSet();

        // IMDB ids are file names ("test/neg/10003_3"); the index file maps example index -> "neg/10003_3.txt".
        using var index = JsonDocument.Parse(File.ReadAllText(Path.Combine(data, "dataset_indexing", "imdb_test_set_index_to_filename.json")));
        // A few file names occur twice in the index; like reference/generate.py, the last occurrence wins.
        var position = new Dictionary<string, int>();
        int i = 0;
        foreach (var entry in index.RootElement.EnumerateArray()) position[Path.ChangeExtension(entry.GetString()!, null)!] = i++;
        return ids.Select(id => position[id.GetString()!["test/".Length..]]).ToHashSet();
    }
}
