namespace LabelErrors.Core.ConfidentLearning;

/// <summary>Element type of a <see cref="PredProbs"/> matrix; computations run in this precision, as numpy does.</summary>
public enum FloatPrecision
{
    Float16,
    Float32,
    Float64,
}
