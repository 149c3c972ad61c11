namespace LabelErrors.Core.Validation;

public sealed record ValidationOptions
{
    /// <summary>Divide each pred_probs row by its sum instead of refusing rows that do not sum to 1.</summary>
    public bool Renormalize { get; init; }

    /// <summary>
    /// Accept single values slightly above 1 when the row sum is within tolerance. cleanlab 2.9 refuses them;
    /// the label-errors study used such raw rows (IMDB), so reproducing it needs this.
    /// </summary>
    public bool AllowValuesAboveOne { get; init; }
}
