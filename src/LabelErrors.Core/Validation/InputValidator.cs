using LabelErrors.Core.Formats;

namespace LabelErrors.Core.Validation;

/// <summary>
/// Checks user inputs before any algorithm runs, failing with a one-line <see cref="LabelErrorsInputException"/>.
/// For arrays the row in a message is the 0-based example index (the same index the outputs use);
/// for text files it is the 1-based line number.
/// </summary>
public static class InputValidator
{
    public static void RequireLabelsShape(string fileName, IReadOnlyList<long> shape)
    {
        if (shape.Count != 1)
            throw new LabelErrorsInputException(fileName, $"labels must be a 1-D array, got shape {NpyHeader.FormatShape(shape)}");
        if (shape[0] == 0)
            throw new LabelErrorsInputException(fileName, "labels are empty");
    }

    public static void RequirePredProbsShape(string fileName, IReadOnlyList<long> shape)
    {
        if (shape.Count != 2)
            throw new LabelErrorsInputException(fileName, $"pred_probs must be a 2-D array (examples × classes), got shape {NpyHeader.FormatShape(shape)}");
        if (shape[0] == 0)
            throw new LabelErrorsInputException(fileName, "pred_probs has no rows");
        if (shape[1] < 2)
            throw new LabelErrorsInputException(fileName, $"pred_probs must have at least 2 columns (classes), got {shape[1]}");
    }
}
