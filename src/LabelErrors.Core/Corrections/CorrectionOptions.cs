namespace LabelErrors.Core.Corrections;

/// <summary>
/// How a corrected test set is built. An example takes its guessed label when at least <see cref="MinAgreement"/>
/// workers chose it (and more workers chose it than the given label); multi-label, neither and non-agreement
/// examples are kept with their given label or dropped.
/// </summary>
public sealed record CorrectionOptions
{
    public const int DefaultMinAgreement = 3;
    public const int MaxAgreement = 5;

    public static CorrectionOptions Default { get; } = new();

    /// <summary>Workers (of the usual 5) who must have chosen the guessed label: the study's 3 by default.</summary>
    public int MinAgreement { get; init; } = DefaultMinAgreement;

    public UncorrectableHandling MultiLabel { get; init; } = UncorrectableHandling.Keep;
    public UncorrectableHandling Neither { get; init; } = UncorrectableHandling.Keep;

    /// <summary>
    /// Also applies to the study's correctable examples whose guessed label fell short of <see cref="MinAgreement"/>:
    /// at the stricter agreement the workers did not agree on it.
    /// </summary>
    public UncorrectableHandling NonAgreement { get; init; } = UncorrectableHandling.Keep;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> when <see cref="MinAgreement"/> is not 1…5.</summary>
    public CorrectionOptions Validate()
    {
        if (MinAgreement is < 1 or > MaxAgreement)
            throw new ArgumentOutOfRangeException(nameof(MinAgreement), MinAgreement, $"min_agreement must be between 1 and {MaxAgreement}");
        return this;
    }
}
