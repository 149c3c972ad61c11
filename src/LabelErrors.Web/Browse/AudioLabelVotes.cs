using LabelErrors.Data.Json;

namespace LabelErrors.Web.Browse;

/// <summary>AudioSet's votes per label name (the study asked which of the given and guessed labels apply).</summary>
public static class AudioLabelVotes
{
    /// <summary>The counts, empty when the column is empty or unreadable.</summary>
    public static IReadOnlyDictionary<string, int> Parse(string? json) => LabelVotes.Read(json) ?? new Dictionary<string, int>();
}
