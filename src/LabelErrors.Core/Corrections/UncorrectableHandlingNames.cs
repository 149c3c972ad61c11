namespace LabelErrors.Core.Corrections;

/// <summary>"keep" / "drop", as in URLs and exports.</summary>
public static class UncorrectableHandlingNames
{
    public static string Format(UncorrectableHandling handling) => handling == UncorrectableHandling.Drop ? "drop" : "keep";

    public static UncorrectableHandling? TryParse(string? name) =>
        string.Equals(name, "keep", StringComparison.OrdinalIgnoreCase) ? UncorrectableHandling.Keep
        : string.Equals(name, "drop", StringComparison.OrdinalIgnoreCase) ? UncorrectableHandling.Drop
        : null;
}
