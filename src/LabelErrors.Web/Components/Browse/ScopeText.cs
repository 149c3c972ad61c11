using LabelErrors.Data.Queries;

namespace LabelErrors.Web.Components.Browse;

public static class ScopeText
{
    public static string Name(ExampleScope scope) => scope switch
    {
        ExampleScope.Validated => "Validated label errors",
        ExampleScope.MturkChecked => "All mTurk-checked",
        ExampleScope.ClFlagged => "All CL-flagged",
        _ => "All examples",
    };

    public static string Sort(ExampleSort sort) => sort switch
    {
        ExampleSort.LabelQuality => "Label quality (lowest first)",
        ExampleSort.Agreement => "Agreement (most votes first)",
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
