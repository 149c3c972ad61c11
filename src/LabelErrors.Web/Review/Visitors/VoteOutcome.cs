using LabelErrors.Data.Entities;

namespace LabelErrors.Web.Review.Visitors;

/// <summary>The result of a visitor's vote: the example's new tally, or why it was refused.</summary>
public sealed record VoteOutcome(VisitorTally? Tally, string? Error = null)
{
    public bool Accepted => Error is null;
}
