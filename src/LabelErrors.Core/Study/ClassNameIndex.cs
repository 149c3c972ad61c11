namespace LabelErrors.Core.Study;

/// <summary>
/// Finds a class's index by name, exactly or with punctuation dropped: the AudioSet vote file writes
/// "Fire engine fire truck (siren)" for classes.json's "Fire engine, fire truck (siren)".
/// </summary>
public sealed class ClassNameIndex
{
    private readonly IReadOnlyList<string> _names;
    private readonly Dictionary<string, int> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _loose = new(StringComparer.OrdinalIgnoreCase);

    public ClassNameIndex(IReadOnlyList<string> names)
    {
        _names = names;
        for (var i = 0; i < names.Count; i++)
        {
            _exact.TryAdd(names[i], i);
            _loose.TryAdd(Loose(names[i]), i);
        }
    }

    /// <exception cref="KeyNotFoundException">No class has that name.</exception>
    public int Of(string name) =>
        _exact.TryGetValue(name, out var index) || _loose.TryGetValue(Loose(name), out index)
            ? index
            : throw new KeyNotFoundException($"class name '{name}' is not in classes.json");

    /// <summary>The name as classes.json spells it.</summary>
    public string Canonical(string name) => _names[Of(name)];

    private static string Loose(string name) => string.Join(' ', name.Replace(",", " ", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
