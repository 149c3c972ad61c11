using LabelErrors.Core.Formats;
using LabelErrors.Core.ConfidentLearning;

namespace LabelErrors.Core.Validation;

/// <summary>How far a pred_probs row sum may be from 1: half precision cannot represent sums more closely.</summary>
public static class RowSumTolerance
{
    public const double SingleOrDouble = 1e-4;

    public const double Half = 1e-2;

    public static double For(FloatPrecision precision) =>
        precision == FloatPrecision.Float16 ? Half : SingleOrDouble;
}
