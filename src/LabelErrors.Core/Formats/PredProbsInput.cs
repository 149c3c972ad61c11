using LabelErrors.Core.ConfidentLearning;
namespace LabelErrors.Core.Formats;

/// <summary>Predicted probabilities read from a file; row numbering as in <see cref="LabelsInput"/>.</summary>
public sealed record PredProbsInput(string FileName, PredProbs Matrix, int FirstRowNumber)
{
    public long RowNumber(int exampleIndex) => exampleIndex + (long)FirstRowNumber;
}
