using LabelErrors.Core.ConfidentLearning.MultiAnnotator;
using LabelErrors.Core.Formats;

namespace LabelErrors.Core.Validation;

/// <summary>
/// Checks multi-annotator labels against pred_probs before any algorithm runs, with one-line messages naming the
/// file and row: same number of examples, labels in 0..K−1, every example labelled at least once, every annotator
/// labelling at least once (cleanlab raises for an idle annotator; we say which), at least two annotators and at
/// least one example with two labels (else the single-label scores apply).
/// </summary>
public static class AnnotatorLabelsValidator
{
    public static void Validate(AnnotatorLabelsInput input, PredProbsInput predProbs)
    {
        var labels = input.Labels;
        int k = predProbs.Matrix.K;
        if (predProbs.Matrix.N != labels.N)
            throw new LabelErrorsInputException(predProbs.FileName,
                $"pred_probs has {predProbs.Matrix.N} rows but {input.FileName} has {labels.N} examples; both must describe the same examples in the same order");

        bool anyMultiple = false;
        for (int i = 0; i < labels.N; i++)
        {
            var row = labels.Row(i);
            int count = 0;
            for (int j = 0; j < row.Length; j++)
            {
                if (row[j] == AnnotatorLabels.Missing) continue;
                count++;
                if (row[j] >= k)
                    throw new LabelErrorsInputException(input.FileName,
                        $"annotator '{labels.AnnotatorIds[j]}': label {row[j]} is out of range: pred_probs has {k} classes, so labels must be in 0..{k - 1}",
                        input.RowNumber(i));
            }

            if (count == 0)
                throw new LabelErrorsInputException(input.FileName, "no annotator labelled this example; every example needs at least one label", input.RowNumber(i));
            anyMultiple |= count > 1;
        }

        var labelled = labels.NumExamplesLabeled();
        for (int j = 0; j < labels.M; j++)
        {
            if (labelled[j] == 0)
                throw new LabelErrorsInputException(input.FileName,
                    $"annotator '{labels.AnnotatorIds[j]}' (column {j + 1}) labelled no example; remove the column (cleanlab refuses annotators without labels)",
                    input.HeaderLineNumber);
        }

        if (labels.M < 2)
            throw new LabelErrorsInputException(input.FileName, "only one annotator; multi-annotator analysis needs at least two (use find-issues for single labels)", input.HeaderLineNumber);
        if (!anyMultiple)
            throw new LabelErrorsInputException(input.FileName, "every example has only one label; multi-annotator analysis needs examples labelled by several annotators (use find-issues for single labels)");
    }
}
