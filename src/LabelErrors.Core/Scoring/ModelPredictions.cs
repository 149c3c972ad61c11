using System.Globalization;
using LabelErrors.Core.Formats;
using LabelErrors.Core.Validation;
using LabelErrors.Core.ConfidentLearning;

namespace LabelErrors.Core.Scoring;

/// <summary>
/// A model's predicted labels for a study test set, read from an .npy of predicted labels (1-D, length N) or of
/// pred_probs (N×K, argmax taken, first maximum on ties as numpy does), in the study's index order.
/// </summary>
public static class ModelPredictions
{
    /// <summary>Reads and checks the file; errors are <see cref="LabelErrorsInputException"/> with a one-line reason.</summary>
    public static int[] ReadNpy(Stream stream, string displayName, long expectedCount, int classCount)
    {
        var array = Npy.Load(stream, displayName);
        return FromArray(array, expectedCount, classCount);
    }

    public static int[] FromArray(NpyArray array, long expectedCount, int classCount)
    {
        var name = array.DisplayName;
        if (array.Rank is not (1 or 2))
            throw new LabelErrorsInputException(name, $"expected a 1-D array of predicted labels or a 2-D N×K array of pred_probs, got shape ({Shape(array)})");

        var rows = array.Shape[0];
        if (rows != expectedCount)
            throw new LabelErrorsInputException(name, $"has {Count(rows)} rows but the test set has {Count(expectedCount)} examples; predictions must cover the whole test set in the study's index order");

        if (array.Rank == 2)
        {
            if (array.Shape[1] != classCount)
                throw new LabelErrorsInputException(name, $"pred_probs have {Count(array.Shape[1])} columns but the dataset has {Count(classCount)} classes");
            return ArgMax(Npy.ToPredProbs(array));
        }

        var labels = Npy.ToLabels(array);
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] < 0 || labels[i] >= classCount)
                throw new LabelErrorsInputException(name, $"predicted label {labels[i]} is not a class of this dataset (0…{classCount - 1})", i);
        }
        return labels;
    }

    /// <summary>The most probable class of each row (cleanlab's argmax, first column on ties); NaN rows are refused.</summary>
    public static int[] ArgMax(PredProbs probabilities)
    {
        var row = new double[probabilities.K];
        for (var i = 0; i < probabilities.N; i++)
        {
            probabilities.CopyRow(i, row);
            if (Array.Exists(row, double.IsNaN))
                throw new LabelErrorsInputException("pred_probs", "contains NaN", i);
        }
        return PredictedLabels.ArgMax(probabilities);
    }

    private static string Shape(NpyArray array) => string.Join(", ", array.Shape);

    private static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
