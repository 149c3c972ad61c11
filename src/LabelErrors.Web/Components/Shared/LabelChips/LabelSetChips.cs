namespace LabelErrors.Web.Components.Shared.LabelChips;

/// <summary>
/// Chips for a given and a suggested label set known by name (the study's AudioSet clips: given labels and the labels
/// confident learning guessed): given and suggested = kept, given only = wrong, suggested only = missing.
/// </summary>
public static class LabelSetChips
{
    public static IReadOnlyList<LabelChip> Of(IReadOnlyList<string> given, IReadOnlyList<string> suggested, IReadOnlyDictionary<int, string> classNames)
    {
        var indexOf = classNames.GroupBy(c => c.Value).ToDictionary(g => g.Key, g => g.Min(c => c.Key));
        int Index(string name) => indexOf.GetValueOrDefault(name, -1);
        return
        [
            .. given.Select(name => new LabelChip(Index(name), name, suggested.Contains(name) ? LabelChipKind.Kept : LabelChipKind.Wrong)),
            .. suggested.Where(name => !given.Contains(name)).Select(name => new LabelChip(Index(name), name, LabelChipKind.Missing)),
        ];
    }
}
