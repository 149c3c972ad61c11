using LabelErrors.Core.ConfidentLearning;
using LabelErrors.Core.ConfidentLearning.MultiLabel;
using LabelErrors.Core.Formats;

namespace LabelErrors.Core.Validation;

/// <summary>
/// Checks multi-label inputs before any algorithm runs: same N, K ≥ 2, class ids in 0..K−1, at least one label in
/// the dataset, every pred_probs value finite and within [0, 1] (rows are independent per-class probabilities, so
/// they need not sum to 1). Fails with a one-line <see cref="LabelErrorsInputException"/> naming the file and row.
/// </summary>
public static class MultiLabelInputValidator
{
    public static (MultiLabels Labels, PredProbs PredProbs) Validate(MultiLabelsInput labels, PredProbsInput predProbs)
    {
        var matrix = predProbs.Matrix;
        int n = labels.Rows.Length, k = matrix.K;
        if (k < 2)
            throw new LabelErrorsInputException(predProbs.FileName, $"pred_probs must have at least 2 columns (classes), found {k}");
        if (matrix.N != n)
            throw new LabelErrorsInputException(predProbs.FileName,
                $"pred_probs has {matrix.N} rows but {labels.FileName} has {n} examples; both must describe the same examples in the same order");

        bool any = false;
        for (int i = 0; i < n; i++)
        {
            foreach (int id in labels.Rows[i])
            {
                if (id >= k)
                    throw new LabelErrorsInputException(labels.FileName,
                        $"class id {id} is out of range: pred_probs has {k} classes, so class ids must be in 0..{k - 1}", labels.RowNumber(i));
                any = true;
            }
        }

        if (!any) throw new LabelErrorsInputException(labels.FileName, "no example has a label (every label list is empty)");

        // one vectorised pass decides; only a matrix with a bad value is walked row by row to name the first one
        // (formatting every value for the message, as this loop once did, cost 10× the whole multi-label scoring)
        var scan = matrix switch
        {
            PredProbs<double> d => ValueScan.Scan(d.Array),
            PredProbs<float> f => ValueScan.Scan(f.Array),
            PredProbs<Half> h => ValueScan.Scan(h.Array),
            _ => throw new NotSupportedException(matrix.GetType().Name),
        };
        if (!(scan.AllFinite && scan.Min >= 0 && scan.Max <= 1 + InputValidator.AboveOneMargin)) ThrowFirstBadValue(predProbs);
        return (MultiLabels.FromArrays(labels.Rows), matrix);
    }

    private static void ThrowFirstBadValue(PredProbsInput predProbs)
    {
        var matrix = predProbs.Matrix;
        int k = matrix.K;
        var row = new double[k];
        for (int r = 0; r < matrix.N; r++)
        {
            matrix.CopyRow(r, row);
            for (int c = 0; c < k; c++)
            {
                double value = row[c];
                string shown = value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
                string? problem = !double.IsFinite(value) ? $"value {shown} is not a finite number"
                    : value < 0 ? $"probability {shown} is negative"
                    : value > 1 + InputValidator.AboveOneMargin ? $"probability {shown} is greater than 1"
                    : null;
                if (problem is not null)
                    throw new LabelErrorsInputException(predProbs.FileName, $"column {c}: {problem}", predProbs.RowNumber(r));
            }
        }

        throw new InvalidOperationException("The value scan found a bad value the row walk did not.");
    }
}
