using System.Collections.Concurrent;

namespace LabelErrors.Web.Images;

/// <summary>Warns once per dataset that its content is neither bundled nor configured, instead of once per image.</summary>
public sealed class MissingContentLog(ILogger<MissingContentLog> logger)
{
    private readonly ConcurrentDictionary<string, bool> _warned = new(StringComparer.Ordinal);

    public void Report(string dataset, string hint)
    {
        if (_warned.TryAdd(dataset, true))
            logger.LogWarning("Images of {Dataset} are not bundled or configured; serving placeholders. {Hint}", dataset, hint);
    }

    public bool HasWarned(string dataset) => _warned.ContainsKey(dataset);
}
