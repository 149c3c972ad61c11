namespace LabelErrors.Core.Formats;

/// <summary>Reads labels and predicted probabilities choosing the format by file extension (.npy, else CSV).</summary>
public static class InputFiles
{
    public static LabelsInput ReadLabels(string path, IReadOnlyList<string>? classNames = null) =>
        IsNpy(path)
            ? new LabelsInput(path, Npy.ReadLabels(path), FirstRowNumber: 0)
            : LabelsCsv.Read(path, classNames);

    public static PredProbsInput ReadPredProbs(string path) =>
        IsNpy(path)
            ? new PredProbsInput(path, Npy.ReadPredProbs(path), FirstRowNumber: 0)
            : PredProbsCsv.Read(path);

    private static bool IsNpy(string path) => Path.GetExtension(path).Equals(".npy", StringComparison.OrdinalIgnoreCase);
}
