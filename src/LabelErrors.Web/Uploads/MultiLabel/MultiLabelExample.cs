using LabelErrors.Data.Entities;

namespace LabelErrors.Web.Uploads.MultiLabel;

/// <summary>One example of a multi-label upload as its card and permalink show it.</summary>
public sealed record MultiLabelExample(
    long StudyIndex,
    double? LabelQuality,
    int? IssueRank,
    string? Snippet,
    IReadOnlyList<MultiLabelClass> Classes)
{
    public IEnumerable<int> Given => Classes.Where(c => c.IsGiven).Select(c => c.ClassIndex);

    /// <summary>The given set with every flagged class toggled: what the labels become when the suggestions are accepted.</summary>
    public IEnumerable<int> Suggested => Classes.Where(c => c.IsSuggested).Select(c => c.ClassIndex);
}

/// <summary>One class of an example worth showing: given, predicted (p &gt; 0.5) or flagged, with its per-class quality.</summary>
public sealed record MultiLabelClass(int ClassIndex, bool IsGiven, double Probability, double Quality, MultiLabelIssueKind? Issue)
{
    public bool IsSuggested => IsGiven != (Issue is not null);
}

/// <summary>A page of the multi-label gallery: its examples and how many match the view.</summary>
public sealed record MultiLabelPage(IReadOnlyList<MultiLabelExample> Examples, int Total, int Page)
{
    public int PageCount => Math.Max(1, (Total + MultiLabelView.PageSize - 1) / MultiLabelView.PageSize);
}
