namespace LabelErrors.Web.Browse.Caching;

/// <summary>
/// What a node evicted, as sent to the others: one dataset's pages (<see cref="Slug"/> set) or every page.
/// On the wire: <c>{node}|all</c> or <c>{node}|dataset|{slug}</c> (slugs hold no <c>|</c>).
/// </summary>
public sealed record BrowseCacheChange(string? Slug)
{
    public static readonly BrowseCacheChange All = new((string?)null);

    public static BrowseCacheChange Dataset(string slug) => new(slug);

    public string ToPayload(string nodeId) => Slug is null ? $"{nodeId}|all" : $"{nodeId}|dataset|{Slug}";

    /// <summary>The change and the node that sent it, or null for a payload this version does not know.</summary>
    public static (string Node, BrowseCacheChange Change)? Parse(string payload)
    {
        var parts = payload.Split('|');
        return parts switch
        {
            [var node, "all"] when node.Length > 0 => (node, All),
            [var node, "dataset", var slug] when node.Length > 0 && slug.Length > 0 => (node, Dataset(slug)),
            _ => null,
        };
    }
}
