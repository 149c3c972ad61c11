using LabelErrors.Core.ConfidentLearning;
using LabelErrors.Core.Formats;
using LabelErrors.Core.Validation;

namespace LabelErrors.Web.Uploads.Annotators;

/// <summary>Annotator labels and pred_probs that passed the core's checks, with the class names if any.</summary>
public sealed record ValidatedAnnotatorInputs(AnnotatorLabelsInput Labels, PredProbs PredProbs, IReadOnlyList<string>? ClassNames)
{
    public int ExampleCount => Labels.Labels.N;

    public int ClassCount => PredProbs.K;
}

/// <summary>
/// Reads and validates a multi-annotator upload with the core's readers and checks (the CLI's <c>multiannotator</c>
/// does the same): the annotations CSV (a header of annotator ids, one row per example, an empty cell where that
/// annotator gave no label), pred_probs as any upload's, optional class names. Messages name the file and the row.
/// Used at upload time, before anything is stored, and again by the job.
/// </summary>
public static class AnnotatorUploadInputs
{
    public static ValidatedAnnotatorInputs Read(
        string labelsPath, string labelsDisplayName,
        string predProbsPath, string predProbsDisplayName,
        string? classNamesPath, string? classNamesDisplayName,
        CancellationToken cancellationToken)
    {
        if (!Path.GetExtension(labelsDisplayName).Equals(".csv", StringComparison.OrdinalIgnoreCase))
            throw new LabelErrorsInputException(labelsDisplayName,
                "a multi-annotator upload needs the annotations as CSV: a header of annotator ids, one row per example, an empty cell where that annotator gave no label");
        var classNames = UploadInputs.ReadClassNames(classNamesPath, classNamesDisplayName);
        AnnotatorLabelsInput labels;
        using (var reader = new StreamReader(labelsPath, detectEncodingFromByteOrderMarks: true))
            labels = AnnotatorLabelsCsv.Read(reader, labelsDisplayName);
        var ids = labels.Labels.AnnotatorIds;
        for (var j = 0; j < ids.Count; j++)
            if (SpreadsheetFormulas.LooksLikeFormula(ids[j]))
                throw new LabelErrorsInputException(labelsDisplayName,
                    $"column {j + 1}: annotator id '{ids[j]}' starts like a spreadsheet formula (= + - @); rename it", labels.HeaderLineNumber);
        cancellationToken.ThrowIfCancellationRequested();

        var predProbsInput = UploadInputs.ReadPredProbs(predProbsPath, predProbsDisplayName);
        cancellationToken.ThrowIfCancellationRequested();
        var predProbs = InputValidator.ValidatePredProbs(predProbsInput);
        if (classNames is not null && classNames.Count != predProbs.K)
            throw new LabelErrorsInputException(classNamesDisplayName ?? "class names",
                $"{classNames.Count} class names but pred_probs has {predProbs.K} columns");
        AnnotatorLabelsValidator.Validate(labels, predProbsInput);
        return new ValidatedAnnotatorInputs(labels, predProbs, classNames);
    }
}
