using LabelErrors.Core.ConfidentLearning;

namespace LabelErrors.Core.Tests.ConfidentLearning;

/// <summary>Every cleanlab 1.0.1 reference file (shared/reference/&lt;dataset&gt;/cleanlab-1.0.1) against <see cref="Cleanlab101"/> and <see cref="PaperSelection"/>.</summary>
public sealed class Cleanlab101ReferenceTests
{
    private const string Version = "1.0.1";

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
        string name = Path.GetFileNameWithoutExtension(file);
        const string noiseIndices = "get_noise_indices__prune_method=";
        const string ranked = "__sorted_index_method=self_confidence";

        if (name == "compute_confident_joint__calibrate=True")
        {
            ReferenceAssert.IntMatrix(path, Cleanlab101.ComputeConfidentJoint(labels, p, calibrate: true));
        }
        else if (name == "compute_confident_joint__calibrate=False")
        {
            ReferenceAssert.IntMatrix(path, Cleanlab101.ComputeConfidentJoint(labels, p, calibrate: false));
        }
        else if (name == "labelerrors_com_selection")
        {
            var json = ReferenceAssert.Json(path);
            int numErrors = PaperSelection.NumErrors(dataset, labels, p);
            Assert.Equal(json.GetProperty("num_errors").GetInt32(), numErrors);
            ReferenceAssert.SameIndices(ReferenceAssert.Indices(path), PaperSelection.LowestMargins(labels, p, numErrors), name);
        }
        else if (name.StartsWith(noiseIndices, StringComparison.Ordinal) && name.EndsWith(ranked, StringComparison.Ordinal))
        {
            var mask = Cleanlab101.GetNoiseIndices(labels, p, ParseFilter(name[noiseIndices.Length..^ranked.Length]));
            ReferenceAssert.SameIndices(ReferenceAssert.Indices(path), Cleanlab101.OrderByMargin(mask, labels, p), name);
        }
        else if (name.StartsWith(noiseIndices, StringComparison.Ordinal))
        {
            var mask = Cleanlab101.GetNoiseIndices(labels, p, ParseFilter(name[noiseIndices.Length..]));
            ReferenceAssert.SameIndices(ReferenceAssert.Indices(path), Enumerable.Range(0, mask.Length).Where(i => mask[i]).ToArray(), name);
        }
        else
        {
            Assert.Fail($"No check for reference file {file}: add one.");
        }
    }

    private static FilterBy ParseFilter(string snakeCase) => Enum.Parse<FilterBy>(snakeCase.Replace("_", string.Empty), ignoreCase: true);
}
