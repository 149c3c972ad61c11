using LabelErrors.Core.ConfidentLearning;

namespace LabelErrors.Core.Formats;

public static class ProbabilityMatrixExtensions
{
    /// <summary>The same data as the algorithms' <see cref="PredProbs"/>, without copying or changing precision.</summary>
    public static PredProbs ToPredProbs(this ProbabilityMatrix matrix) => matrix.Precision switch
    {
        ProbabilityPrecision.Double => PredProbs.FromDouble(matrix.Doubles!, matrix.Rows, matrix.Columns),
        ProbabilityPrecision.Single => PredProbs.FromSingle(matrix.Singles!, matrix.Rows, matrix.Columns),
        _ => PredProbs.FromHalf(matrix.Halves!, matrix.Rows, matrix.Columns),
    };
}
