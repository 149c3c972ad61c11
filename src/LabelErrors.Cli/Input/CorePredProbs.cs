using LabelErrors.Core.ConfidentLearning;
using LabelErrors.Core.Formats;

namespace LabelErrors.Cli.Input;

/// <summary>Hands a validated matrix to the algorithms without copying or changing its precision.</summary>
public static class CorePredProbs
{
    public static PredProbs From(ProbabilityMatrix matrix) => matrix.Precision switch
    {
        ProbabilityPrecision.Double => PredProbs.FromDouble(matrix.Doubles!, matrix.Rows, matrix.Columns),
        ProbabilityPrecision.Single => PredProbs.FromSingle(matrix.Singles!, matrix.Rows, matrix.Columns),
        _ => PredProbs.FromHalf(matrix.Halves!, matrix.Rows, matrix.Columns),
    };
}
