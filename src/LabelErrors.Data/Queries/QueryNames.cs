using LabelErrors.Data.Entities;

namespace LabelErrors.Data.Queries;

/// <summary>A fixed two-way mapping between enum values and the short names used in URLs.</summary>
internal sealed class QueryNames<T>(params (T Value, string Name)[] names) where T : struct, Enum
{
    public string Format(T value) => names.First(n => EqualityComparer<T>.Default.Equals(n.Value, value)).Name;

    public T? TryParse(string? name)
    {
        foreach (var (value, n) in names)
        {
            if (string.Equals(n, name, StringComparison.OrdinalIgnoreCase))
                return value;
        }
        return null;
    }
}

internal static class ScopeNames
{
    private static readonly QueryNames<ExampleScope> Names = new(
        (ExampleScope.Validated, "validated"), (ExampleScope.MturkChecked, "checked"),
        (ExampleScope.ClFlagged, "flagged"), (ExampleScope.All, "all"), (ExampleScope.Issues, "issues"),
        (ExampleScope.Outliers, "outliers"));

    public static string Format(ExampleScope value) => Names.Format(value);
    public static ExampleScope? TryParse(string? name) => Names.TryParse(name);
}

internal static class VoteOptionNames
{
    private static readonly QueryNames<VoteOption> Names = new(
        (VoteOption.Guessed, "guessed"), (VoteOption.Given, "given"), (VoteOption.Both, "both"), (VoteOption.Neither, "neither"));

    public static string Format(VoteOption value) => Names.Format(value);
    public static VoteOption? TryParse(string? name) => Names.TryParse(name);
}

internal static class SortNames
{
    private static readonly QueryNames<ExampleSort> Names = new(
        (ExampleSort.LabelQuality, "quality"), (ExampleSort.Agreement, "agreement"), (ExampleSort.Index, "index"), (ExampleSort.IssueRank, "rank"),
        (ExampleSort.OutlierScore, "outlier"));

    public static string Format(ExampleSort value) => Names.Format(value);
    public static ExampleSort? TryParse(string? name) => Names.TryParse(name);
}

/// <summary>URL names of the consensus categories (kebab-case, as in the study's vocabulary).</summary>
public static class ConsensusNames
{
    private static readonly QueryNames<ConsensusCategory> Names = new(
        (ConsensusCategory.Correctable, "correctable"), (ConsensusCategory.MultiLabel, "multi-label"),
        (ConsensusCategory.Neither, "neither"), (ConsensusCategory.NonAgreement, "non-agreement"),
        (ConsensusCategory.NotAnError, "not-an-error"));

    public static string Format(ConsensusCategory value) => Names.Format(value);
    public static ConsensusCategory? TryParse(string? name) => Names.TryParse(name);
}
