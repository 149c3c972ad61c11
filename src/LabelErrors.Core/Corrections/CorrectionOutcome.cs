namespace LabelErrors.Core.Corrections;

/// <summary>What the rule did with one example.</summary>
public enum CorrectionOutcome
{
    /// <summary>Kept with its given label.</summary>
    Unchanged,

    /// <summary>Took the guessed label.</summary>
    Corrected,

    /// <summary>Left out of the corrected test set.</summary>
    Dropped,
}
