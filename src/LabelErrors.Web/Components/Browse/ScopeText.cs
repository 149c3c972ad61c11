using LabelErrors.Data.Queries;

namespace LabelErrors.Web.Components.Browse;

public static class ScopeText
{
    /// <summary>The scopes of a study dataset (uploads have theirs in UploadGallery.Scopes).</summary>
    public static IReadOnlyList<ExampleScope> StudyScopes { get; } =
        [ExampleScope.Validated, ExampleScope.MturkChecked, ExampleScope.ClFlagged, ExampleScope.All];

    /// <summary>The sorts a study dataset offers (an upload has no issue ranks).</summary>
    public static IReadOnlyList<ExampleSort> StudySorts { get; } = [ExampleSort.LabelQuality, ExampleSort.Agreement, ExampleSort.Index];

    public static string Name(ExampleScope scope) => scope switch
    {
        ExampleScope.Validated => "Validated label errors",
        ExampleScope.MturkChecked => "All mTurk-checked",
        ExampleScope.ClFlagged => "All CL-flagged",
        ExampleScope.Issues => "Flagged issues",
        ExampleScope.Outliers => "Outliers",
        _ => "All examples",
    };

    public static string Sort(ExampleSort sort) => sort switch
    {
        ExampleSort.LabelQuality => "Label quality (lowest first)",
        ExampleSort.Agreement => "Agreement (most votes first)",
        ExampleSort.IssueRank => "Issue rank (worst first)",
        ExampleSort.OutlierScore => "Outlier score (lowest first)",
        _ => "Index",
    };

    public static string Option(VoteOption option) => option switch
    {
        VoteOption.Guessed => "the guessed label",
        VoteOption.Given => "the given label",
        VoteOption.Both => "both",
        _ => "neither",
    };
}
