using LabelErrors.Data.Queries;
using LabelErrors.Web.Browse.Caching;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace LabelErrors.Web.Browse;

/// <summary>
/// The study gallery's search. The count of a view's filters is the same on each of its pages and in each sort order,
/// and with an agreement filter it is the dearer statement (a join of the scope with the votes), so it is kept in
/// memory per dataset and filters, like the dataset lookup: until the study's data changes (<see cref="BrowseDataChanges"/>)
/// or the lookup lifetime ends. The "disputed" filter depends on visitors' votes, so its count is never kept.
/// </summary>
public sealed class GallerySearch(
    ExampleSearch search,
    IMemoryCache cache,
    BrowseDataChanges changes,
    IOptions<BrowseCacheOptions> options)
{
    public async Task<ExamplePage> SearchAsync(int datasetId, ExampleQuery query, CancellationToken cancellationToken = default)
    {
        var keep = !query.Disputed && options.Value.LookupSeconds > 0;
        var key = (typeof(GallerySearch), datasetId, CountKey(query));
        if (keep && cache.TryGetValue(key, out int total))
            return await search.SearchAsync(datasetId, query, total, cancellationToken);
        var changed = changes.Token; // taken before the count, so a change during it is not missed
        var page = await search.SearchAsync(datasetId, query, cancellationToken);
        if (keep)
        {
            using var entry = cache.CreateEntry(key);
            entry.Value = page.TotalCount;
            entry.AbsoluteExpirationRelativeToNow = options.Value.LookupLifetime;
            entry.AddExpirationToken(changed);
            entry.Size = 1;
        }
        return page;
    }

    // Everything but the page, the page size and the sort: the filters alone decide the count.
    private static string CountKey(ExampleQuery query) =>
        (query with { Page = 1, PageSize = ExampleQuery.DefaultPageSize, Sort = ExampleSort.LabelQuality }).ToQueryString();
}
