namespace LabelErrors.Web.Charting;

/// <summary>
/// A K×K count grid, rows = given label, columns = the label the model (or confident learning) says. For a study set
/// with released pred_probs it is cleanlab's confident joint; otherwise the CL-flagged examples by given and guessed label.
/// </summary>
public sealed record ConfusionGrid(string Title, string Explanation, IReadOnlyList<string> ClassNames, long[,] Counts, bool IsConfidentJoint)
{
    public int ClassCount => ClassNames.Count;
}

public sealed record ClassRate(int ClassIndex, string ClassName, double Rate);

/// <summary>Per-class estimated label noise (fraction of the examples given that class whose label is wrong).</summary>
public sealed record NoiseRates(string Title, string Explanation, IReadOnlyList<ClassRate> Rates);

/// <summary>How many workers (of 5) chose the guessed and the given label, over the checked examples.</summary>
public sealed record AgreementHistogram(IReadOnlyList<string> Buckets, double[] Guessed, double[] Given, int Checked);

/// <summary>The charts of one dataset (study set or upload); a part is null when its data does not exist.</summary>
public sealed record DatasetChartSet(string Slug, string Name, bool IsUpload, ConfusionGrid? Confusion, NoiseRates? Noise, AgreementHistogram? Agreement);

/// <summary>A Table 1 row: the paper's error rate and ours recomputed from the imported votes.</summary>
public sealed record ErrorRateRow(string Slug, string Name, double PaperPercent, double? RecomputedPercent);
