using LabelErrors.Core.Formats;
using LabelErrors.Core.Validation;
using LabelErrors.Data.Entities;
using LabelErrors.Web.Uploads.MultiLabel;

namespace LabelErrors.Web.Uploads;

/// <summary>
/// Validates a staged upload completely before a job is queued: file kinds, the core's checks of labels, pred_probs
/// and class names (pred_probs .npy streamed in row blocks, never loaded, when the core can stream it), and the
/// content. Problems become <see cref="UploadRejectedException"/> naming the field.
/// </summary>
public static class UploadValidator
{
    public static ValidatedUpload Validate(IReadOnlyDictionary<string, StagedFile> files, string stagingFolder, UploadOptions limits, CancellationToken cancellationToken) =>
        Validate(files, stagingFolder, limits, UploadTask.MultiClass, new AnalysisOptions(), cancellationToken);

    /// <summary>Validates the files of an upload of <paramref name="task"/> (its labels format and the job's checks).</summary>
    public static ValidatedUpload Validate(
        IReadOnlyDictionary<string, StagedFile> files, string stagingFolder, UploadOptions limits, UploadTask task, AnalysisOptions analysis,
        CancellationToken cancellationToken)
    {
        if (!files.TryGetValue(UploadField.Labels, out var labelsFile))
            throw new UploadRejectedException(UploadField.Labels, "labels: a labels file (.npy or .csv) is required");
        if (!files.TryGetValue(UploadField.PredProbs, out var predProbsFile))
            throw new UploadRejectedException(UploadField.PredProbs, "pred_probs: a pred_probs file (.npy or .csv) is required");
        RequireExtension(labelsFile, task == UploadTask.MultiLabel ? MultiLabelUploadInputs.LabelsExtensions : [".npy", ".csv", ".txt"]);
        RequireExtension(predProbsFile, ".npy", ".csv");
        files.TryGetValue(UploadField.ClassNames, out var classNamesFile);
        if (classNamesFile is not null)
            RequireExtension(classNamesFile, ".txt", ".json");
        files.TryGetValue(UploadField.Content, out var contentFile);
        if (contentFile is not null)
            RequireExtension(contentFile, ".zip", ".csv");

        int exampleCount, classCount;
        IReadOnlyList<string>? classNames;
        IReadOnlyList<string> warnings;
        try
        {
            switch (task)
            {
                case UploadTask.MultiAnnotator:
                    var annotated = Annotators.AnnotatorUploadInputs.Read(labelsFile.Path, labelsFile.FileName, predProbsFile.Path, predProbsFile.FileName,
                        classNamesFile?.Path, classNamesFile?.FileName, cancellationToken);
                    (exampleCount, classCount, classNames, warnings) = (annotated.ExampleCount, annotated.ClassCount, annotated.ClassNames, []);
                    break;
                case UploadTask.MultiLabel:
                    var multiLabel = MultiLabelUploadInputs.Read(labelsFile.Path, labelsFile.FileName, predProbsFile.Path, predProbsFile.FileName,
                        classNamesFile?.Path, classNamesFile?.FileName, analysis.ToCore().FilterBy, cancellationToken);
                    (classNames, exampleCount, classCount, warnings) = (multiLabel.ClassNames, multiLabel.Labels.Count, multiLabel.PredProbs.K, []);
                    break;
                default:
                    classNames = UploadInputs.ReadClassNames(classNamesFile?.Path, classNamesFile?.FileName);
                    var labels = UploadInputs.ReadLabels(labelsFile.Path, labelsFile.FileName, classNames);
                    cancellationToken.ThrowIfCancellationRequested();
                    exampleCount = labels.Labels.Length;
                    (classCount, warnings) = StreamedPredProbsValidation.TryValidate(labels, predProbsFile.Path, predProbsFile.FileName,
                        classNames, classNamesFile?.FileName, cancellationToken) ?? ValidateInMemory(labels, predProbsFile, classNames, classNamesFile, cancellationToken);
                    break;
            }
        }
        catch (LabelErrorsInputException e)
        {
            throw new UploadRejectedException(FieldOf(e.FileName, files), e.Message);
        }

        var content = UploadContentKind.None;
        var items = 0;
        if (contentFile is not null)
        {
            if (contentFile.Extension == ".zip")
            {
                content = UploadContentKind.Images;
                items = ZipContentValidator.ExtractImages(contentFile, Path.Combine(stagingFolder, "content"), exampleCount, limits, cancellationToken);
                File.Delete(contentFile.Path); // the extracted images are what is served
            }
            else
            {
                content = UploadContentKind.Text;
                items = TextContentCsv.Validate(contentFile, exampleCount, cancellationToken);
            }
        }

        return new ValidatedUpload(exampleCount, classCount, classNames, content, items, warnings);
    }

    // CSV pred_probs and the .npy files the streamed check leaves alone (see StreamedPredProbsValidation) are loaded.
    private static (int ClassCount, IReadOnlyList<string> Warnings) ValidateInMemory(
        LabelsInput labels, StagedFile predProbsFile, IReadOnlyList<string>? classNames, StagedFile? classNamesFile, CancellationToken cancellationToken)
    {
        var predProbs = UploadInputs.ReadPredProbs(predProbsFile.Path, predProbsFile.FileName);
        cancellationToken.ThrowIfCancellationRequested();
        var inputs = UploadInputs.Validate(labels, predProbs, classNames, classNamesFile?.FileName);
        return (inputs.ClassCount, inputs.Warnings);
    }

    private static void RequireExtension(StagedFile file, params string[] allowed)
    {
        if (!allowed.Contains(file.Extension))
            throw new UploadRejectedException(file.Field, $"{file.FileName}: expected a {string.Join(" or ", allowed)} file");
    }

    // The core names the file in its message; the page shows the message next to that file's field.
    private static string FieldOf(string fileName, IReadOnlyDictionary<string, StagedFile> files) =>
        files.Values.FirstOrDefault(f => f.FileName == fileName && f.Field == UploadField.PredProbs)?.Field
        ?? files.Values.FirstOrDefault(f => f.FileName == fileName)?.Field
        ?? UploadField.PredProbs;
}
