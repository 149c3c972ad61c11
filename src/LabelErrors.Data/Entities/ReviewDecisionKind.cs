namespace LabelErrors.Data.Entities;

/// <summary>What the owner of an upload decided about one flagged example.</summary>
public enum ReviewDecisionKind
{
    /// <summary>The given label is right.</summary>
    Keep,

    /// <summary>The suggested label (confident learning's guess) replaces the given one.</summary>
    Accept,

    /// <summary>Another class, chosen by the reviewer, replaces the given label.</summary>
    Relabel,

    /// <summary>The example leaves the dataset (dropped or marked on export).</summary>
    Exclude,

    /// <summary>Undecided for now: someone else should look; the given label stays on export.</summary>
    NeedsReview,
}
