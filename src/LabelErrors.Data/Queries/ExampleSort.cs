namespace LabelErrors.Data.Queries;

public enum ExampleSort
{
    /// <summary>Lowest label quality (self-confidence) first: the likeliest errors on top.</summary>
    LabelQuality,

    /// <summary>Most workers for the chosen vote option first.</summary>
    Agreement,

    /// <summary>The study's index, ascending.</summary>
    Index,

    /// <summary>An upload's issue rank (find_label_issues' order, worst first); unranked examples last.</summary>
    IssueRank,

    /// <summary>Outlier score, lowest (most atypical) first; examples without one last.</summary>
    OutlierScore,
}
