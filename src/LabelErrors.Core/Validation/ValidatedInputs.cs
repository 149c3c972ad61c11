using LabelErrors.Core.Formats;
using LabelErrors.Core.ConfidentLearning;

namespace LabelErrors.Core.Validation;

/// <summary>
/// Inputs that passed <see cref="InputValidator.Validate"/>: N labels in [0, K), an N×K matrix of finite,
/// non-negative rows summing to 1 (renormalized when asked), and warnings worth showing the user.
/// </summary>
public sealed record ValidatedInputs(
    int[] Labels,
    PredProbs PredProbs,
    IReadOnlyList<string>? ClassNames,
    IReadOnlyList<string> Warnings)
{
    public int ExampleCount => Labels.Length;

    public int ClassCount => PredProbs.K;
}
