namespace LabelErrors.Web.Components.Shared.LabelChips;

/// <summary>
/// One class of a multi-label example as a chip: kept (given, not flagged), wrong (given, suggested to remove),
/// missing (not given, suggested to add) or predicted only (the model's, neither given nor flagged). Independent of
/// where the labels come from, so an upload's gallery and the study's AudioSet pages can share <c>LabelChips</c>.
/// </summary>
public sealed record LabelChip(int ClassIndex, string Name, LabelChipKind Kind, double? Quality = null, double? Probability = null)
{
    public bool IsGiven => Kind is LabelChipKind.Kept or LabelChipKind.Wrong;

    public bool IsSuggested => Kind is LabelChipKind.Kept or LabelChipKind.Missing;
}

public enum LabelChipKind
{
    Kept,
    Wrong,
    Missing,
    Predicted,
}
