using Microsoft.AspNetCore.OutputCaching;

namespace LabelErrors.Web.Browse.Caching;

/// <summary>
/// Evicts cached browse pages and in-memory dataset data when the data behind them changes, on this node and (through
/// <see cref="BrowseCacheBroadcast"/>) on every other node on the same database.
/// </summary>
public sealed class BrowsePageCache(IOutputCacheStore store, BrowseDataChanges changes, BrowseCacheBroadcast broadcast)
{
    /// <summary>A change visible only on one dataset's pages (e.g. a visitor vote on one of its examples).</summary>
    public ValueTask EvictDatasetAsync(string slug, CancellationToken cancellationToken = default) =>
        EvictEverywhereAsync(BrowseCacheChange.Dataset(slug), cancellationToken);

    /// <summary>A change that can show on every page (an import, a listed upload: the menu of datasets).</summary>
    public ValueTask EvictAllAsync(CancellationToken cancellationToken = default) =>
        EvictEverywhereAsync(BrowseCacheChange.All, cancellationToken);

    /// <summary>Evicts on this node only: what another node announced.</summary>
    internal async ValueTask EvictLocalAsync(BrowseCacheChange change, CancellationToken cancellationToken)
    {
        if (change.Slug is { } slug)
        {
            await store.EvictByTagAsync(BrowsePagePaths.DatasetTag(slug), cancellationToken);
            return;
        }
        changes.Signal();
        await store.EvictByTagAsync(BrowsePagePaths.AllPagesTag, cancellationToken);
    }

    private async ValueTask EvictEverywhereAsync(BrowseCacheChange change, CancellationToken cancellationToken)
    {
        await EvictLocalAsync(change, cancellationToken);
        await broadcast.PublishAsync(change, cancellationToken);
    }
}
