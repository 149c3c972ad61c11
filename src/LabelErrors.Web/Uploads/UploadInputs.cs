using LabelErrors.Core.Formats;
using LabelErrors.Core.Validation;

namespace LabelErrors.Web.Uploads;

/// <summary>
/// Reads an upload's labels, pred_probs and class names with the core readers, naming files as the user named them,
/// and validates them with the core's <see cref="InputValidator"/>. Used at upload time and again by the job.
/// </summary>
public static class UploadInputs
{
    public static IReadOnlyList<string>? ReadClassNames(string? path, string? displayName)
    {
        if (path is null)
            return null;
        displayName ??= Path.GetFileName(path);
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        var names = Path.GetExtension(displayName).Equals(".json", StringComparison.OrdinalIgnoreCase)
            ? ClassNamesFile.ReadJson(reader, displayName)
            : ClassNamesFile.ReadText(reader, displayName);
        for (var i = 0; i < names.Count; i++)
            if (SpreadsheetFormulas.LooksLikeFormula(names[i]))
                throw new LabelErrorsInputException(displayName, $"class name '{names[i]}' starts like a spreadsheet formula (= + - @); rename it", i + 1);
        return names;
    }

    public static LabelsInput ReadLabels(string path, string displayName, IReadOnlyList<string>? classNames)
    {
        if (IsNpy(displayName))
        {
            using var stream = File.OpenRead(path);
            return new LabelsInput(displayName, Npy.ReadLabels(stream, displayName), FirstRowNumber: 0);
        }
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        return LabelsCsv.Read(reader, displayName, classNames);
    }

    public static PredProbsInput ReadPredProbs(string path, string displayName)
    {
        if (!IsNpy(displayName))
        {
            using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
            return PredProbsCsv.Read(reader, displayName);
        }
        using var stream = File.OpenRead(path);
        return new PredProbsInput(displayName, Npy.ReadPredProbs(stream, displayName), FirstRowNumber: 0);
    }

    public static ValidatedInputs Validate(LabelsInput labels, PredProbsInput predProbs, IReadOnlyList<string>? classNames, string? classNamesDisplayName) =>
        InputValidator.Validate(labels, predProbs, classNames, classNamesDisplayName);

    public static bool IsNpy(string fileName) => Path.GetExtension(fileName).Equals(".npy", StringComparison.OrdinalIgnoreCase);
}
