using LabelErrors.Data.Entities;
using LabelErrors.Web.Components.Shared.LabelChips;

namespace LabelErrors.Web.Uploads.MultiLabel;

/// <summary>An upload's example classes as <see cref="LabelChip"/>s (named by the upload's class names).</summary>
public static class MultiLabelChips
{
    public static IReadOnlyList<LabelChip> Of(MultiLabelExample example, Func<int, string> className) =>
        example.Classes.Select(c => new LabelChip(c.ClassIndex, className(c.ClassIndex), KindOf(c), c.Quality, c.Probability)).ToList();

    public static LabelChipKind KindOf(MultiLabelClass c) => c.Issue switch
    {
        MultiLabelIssueKind.LabelWrong => LabelChipKind.Wrong,
        MultiLabelIssueKind.LabelMissing => LabelChipKind.Missing,
        _ => c.IsGiven ? LabelChipKind.Kept : LabelChipKind.Predicted,
    };
}
