namespace LabelErrors.Core.ConfidentLearning;

/// <summary>Maps enum members to cleanlab's snake_case option values (PruneByNoiseRate ↔ prune_by_noise_rate).</summary>
public static class SnakeCaseChoices
{
    public static string Name<TEnum>(TEnum value) where TEnum : struct, Enum =>
        string.Concat(value.ToString().Select((ch, i) => char.IsUpper(ch) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(ch) : ch.ToString()));

    public static string[] Names<TEnum>() where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(Name).ToArray();

    public static TEnum Parse<TEnum>(string name) where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().First(v => Name(v) == name);
}
