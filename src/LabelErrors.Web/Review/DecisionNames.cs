using LabelErrors.Data.Entities;

namespace LabelErrors.Web.Review;

/// <summary>The decisions' names in the API and the log (snake_case, stable).</summary>
public static class DecisionNames
{
    private static readonly (ReviewDecisionKind Kind, string Name)[] Names =
    [
        (ReviewDecisionKind.Keep, "keep"), (ReviewDecisionKind.Accept, "accept"), (ReviewDecisionKind.Relabel, "relabel"),
        (ReviewDecisionKind.Exclude, "exclude"), (ReviewDecisionKind.NeedsReview, "needs_review"),
    ];

    public static string Format(ReviewDecisionKind kind) => Names.First(n => n.Kind == kind).Name;

    public static ReviewDecisionKind? TryParse(string? name) =>
        Names.Where(n => string.Equals(n.Name, name, StringComparison.OrdinalIgnoreCase)).Select(n => (ReviewDecisionKind?)n.Kind).FirstOrDefault();
}
