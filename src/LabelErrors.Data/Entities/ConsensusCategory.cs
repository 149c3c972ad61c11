namespace LabelErrors.Data.Entities;

/// <summary>
/// The study's reading of the Mechanical Turk votes on an example (3 of 5 workers make a consensus).
/// </summary>
public enum ConsensusCategory
{
    /// <summary>At least 3 workers chose the given label: not a label error.</summary>
    NotAnError,

    /// <summary>At least 3 workers chose the CL-guessed label: the label can be corrected.</summary>
    Correctable,

    /// <summary>At least 3 workers said both labels apply.</summary>
    MultiLabel,

    /// <summary>At least 3 workers said neither label applies.</summary>
    Neither,

    /// <summary>No option reached 3 votes.</summary>
    NonAgreement,
}
