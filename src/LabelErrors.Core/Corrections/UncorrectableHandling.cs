namespace LabelErrors.Core.Corrections;

/// <summary>What a corrected test set does with an example whose votes do not give a new label.</summary>
public enum UncorrectableHandling
{
    /// <summary>Keep the example with its given (original) label.</summary>
    Keep,

    /// <summary>Leave the example out of the corrected test set.</summary>
    Drop,
}
