namespace LabelErrors.Core.Formats;

/// <summary>Floating-point width in which predicted probabilities are kept (the file's own precision).</summary>
public enum ProbabilityPrecision
{
    Half,
    Single,
    Double,
}
