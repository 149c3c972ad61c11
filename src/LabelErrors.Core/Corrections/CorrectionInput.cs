namespace LabelErrors.Core.Corrections;

/// <summary>
/// What the correction rule needs of one test example. Votes are null for examples the workers did not check.
/// </summary>
public readonly record struct CorrectionInput(
    long Index,
    int GivenLabel,
    int? GuessedLabel,
    int? GivenVotes,
    int? GuessedVotes,
    StudyCategory Category,
    bool IsValidatedError);
