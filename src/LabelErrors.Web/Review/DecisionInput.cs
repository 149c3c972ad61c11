using LabelErrors.Data.Entities;

namespace LabelErrors.Web.Review;

/// <summary>A decision as the reviewer makes it: <see cref="Label"/> only for Relabel (the others derive theirs).</summary>
public sealed record DecisionInput(long StudyIndex, ReviewDecisionKind Kind, int? Label = null, string? Note = null);
