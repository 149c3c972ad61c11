namespace LabelErrors.Core.Validation;

public sealed record ValidationOptions
{
    /// <summary>Divide each pred_probs row by its sum instead of refusing rows that do not sum to 1.</summary>
    public bool Renormalize { get; init; }
}
