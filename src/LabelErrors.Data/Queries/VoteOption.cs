namespace LabelErrors.Data.Queries;

/// <summary>An answer the Mechanical Turk workers could give, as used by the agreement filter and sort.</summary>
public enum VoteOption
{
    Guessed,
    Given,
    Both,
    Neither,
}
