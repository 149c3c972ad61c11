using LabelErrors.Core.ConfidentLearning;
using LabelErrors.Core.ConfidentLearning.MultiLabel;
using LabelErrors.Core.Formats;
using LabelErrors.Core.Validation;

namespace LabelErrors.Web.Uploads.MultiLabel;

/// <summary>
/// Reads and checks the files of a multi-label upload with the core's readers and checks, the same at upload time and
/// in the job: labels as JSON (an array of arrays of class ids) or text (one example per line, comma-separated ids, an
/// empty line = no label), pred_probs N×K independent per-class probabilities (.npy or CSV; rows need not sum to 1),
/// class names (optional) naming the K columns. Problems are <see cref="LabelErrorsInputException"/>s naming the file.
/// </summary>
public static class MultiLabelUploadInputs
{
    public static readonly string[] LabelsExtensions = [".json", ".txt", ".csv"];

    public sealed record Inputs(MultiLabels Labels, PredProbs PredProbs, IReadOnlyList<string>? ClassNames);

    public static Inputs Read(
        string labelsPath, string labelsName, string predProbsPath, string predProbsName,
        string? classNamesPath, string? classNamesName, FilterBy filterBy, CancellationToken cancellationToken)
    {
        var classNames = UploadInputs.ReadClassNames(classNamesPath, classNamesName);
        var labelsInput = MultiLabelsFile.Parse(ReadText(labelsPath, labelsName), labelsName);
        cancellationToken.ThrowIfCancellationRequested();
        var predProbsInput = UploadInputs.ReadPredProbs(predProbsPath, predProbsName);
        cancellationToken.ThrowIfCancellationRequested();
        var (labels, predProbs) = MultiLabelInputValidator.Validate(labelsInput, predProbsInput);
        if (classNames is not null && classNames.Count != predProbs.K)
            throw new LabelErrorsInputException(classNamesName ?? "class names", $"{classNames.Count} class names but pred_probs has {predProbs.K} columns");
        try
        {
            MultiLabelIssues.CheckClasses(labels, predProbs.K, filterBy);
        }
        catch (ArgumentException e)
        {
            throw new LabelErrorsInputException(labelsName, e.Message.Replace($" (Parameter '{e.ParamName}')", ""), inner: e);
        }
        return new Inputs(labels, predProbs, classNames);
    }

    private static string ReadText(string path, string displayName)
    {
        try
        {
            using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }
        catch (IOException e)
        {
            throw new LabelErrorsInputException(displayName, $"cannot read labels ({e.Message})", inner: e);
        }
    }
}
