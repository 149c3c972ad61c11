namespace LabelErrors.Core.Corrections;

/// <summary>One example of a corrected test set; <see cref="CorrectedLabel"/> is null when it was dropped.</summary>
public readonly record struct CorrectedRow(long Index, int OriginalLabel, int? CorrectedLabel, StudyCategory Category, bool IsValidatedError)
{
    public CorrectionOutcome Outcome =>
        CorrectedLabel is not { } label ? CorrectionOutcome.Dropped
        : label == OriginalLabel ? CorrectionOutcome.Unchanged
        : CorrectionOutcome.Corrected;
}
