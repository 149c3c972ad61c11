namespace LabelErrors.Core.Formats;

/// <summary>
/// Reads labels and predicted probabilities choosing the format by file extension (.npy, else CSV/text).
/// The stream overloads are async-only readers, for uploads whose streams refuse synchronous reads.
/// </summary>
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

    public static async Task<LabelsInput> ReadLabelsAsync(Stream stream, string fileName, IReadOnlyList<string>? classNames = null,
        CancellationToken cancellationToken = default)
    {
        if (IsNpy(fileName))
            return new LabelsInput(fileName, Npy.ToLabels(await Npy.LoadAsync(stream, fileName, cancellationToken)), FirstRowNumber: 0);
        using var text = await ReadTextAsync(stream, cancellationToken);
        return LabelsCsv.Read(text, fileName, classNames);
    }

    public static async Task<PredProbsInput> ReadPredProbsAsync(Stream stream, string fileName, CancellationToken cancellationToken = default)
    {
        if (IsNpy(fileName))
            return new PredProbsInput(fileName, Npy.ToPredProbs(await Npy.LoadAsync(stream, fileName, cancellationToken)), FirstRowNumber: 0);
        using var text = await ReadTextAsync(stream, cancellationToken);
        return PredProbsCsv.Read(text, fileName);
    }

    private static async Task<StringReader> ReadTextAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        return new StringReader(await reader.ReadToEndAsync(cancellationToken));
    }

    private static bool IsNpy(string path) => Path.GetExtension(path).Equals(".npy", StringComparison.OrdinalIgnoreCase);
}
