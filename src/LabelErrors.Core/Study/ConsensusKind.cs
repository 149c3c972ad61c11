namespace LabelErrors.Core.Study;

/// <summary>The study's reading of the votes on one example (3 of 5 workers make a consensus).</summary>
public enum ConsensusKind
{
    /// <summary>At least 3 workers chose the given label (AudioSet: every given label got 3, no guessed one did).</summary>
    NotAnError,

    /// <summary>At least 3 workers chose the CL-guessed label.</summary>
    Correctable,

    /// <summary>At least 3 workers said both labels apply (AudioSet: a guessed label is missing, the given ones hold).</summary>
    MultiLabel,

    /// <summary>At least 3 workers chose neither (IMDB/Amazon: an option other than the given and guessed labels).</summary>
    Neither,

    /// <summary>No option reached 3 votes.</summary>
    NonAgreement,
}
