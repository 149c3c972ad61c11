namespace LabelErrors.Data.Json;

/// <summary>
/// Votes per label name (<c>mturk_votes.label_votes_json</c>, <c>visitor_tallies.label_votes_json</c>): AudioSet's
/// question asks which of the given and guessed labels apply, so each label is counted on its own.
/// </summary>
public static class LabelVotes
{
    /// <summary>The counts in the column's order; null when the column is empty or unreadable.</summary>
    public static IReadOnlyDictionary<string, int>? Read(string? json) => JsonbValue.Read<Dictionary<string, int>>(json);

    /// <summary>The counts sorted by label name (the API's stable order); null when the column is empty or unreadable.</summary>
    public static IReadOnlyDictionary<string, int>? ReadSorted(string? json) => JsonbValue.Read<SortedDictionary<string, int>>(json);

    public static string ToJson(IReadOnlyDictionary<string, int> votes) => JsonbValue.Write(votes);
}
