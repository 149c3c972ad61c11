using LabelErrors.Data;
using LabelErrors.Data.Entities;
using LabelErrors.Web.Browse.Caching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace LabelErrors.Web.Browse;

/// <summary>A link of the navigation menu: one listed dataset.</summary>
public sealed record DatasetLink(string Slug, string Name, Modality Modality);

/// <summary>
/// The datasets the navigation menu lists (the study's and listed uploads). Every page renders the menu, so the list
/// is kept in memory until <see cref="BrowseDataChanges"/> signals an import or a listed upload.
/// </summary>
public sealed class DatasetMenu(
    IDbContextFactory<LabelErrorsDbContext> contexts,
    IMemoryCache cache,
    BrowseDataChanges changes,
    IOptions<BrowseCacheOptions> options)
{
    private static readonly object Key = new();

    public async Task<IReadOnlyList<DatasetLink>> ListAsync(CancellationToken cancellationToken = default)
    {
        if (cache.TryGetValue(Key, out IReadOnlyList<DatasetLink>? cached) && cached is not null)
            return cached;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var links = await db.Datasets.AsNoTracking().Where(d => !d.IsUpload || d.Upload!.IsListed).OrderBy(d => d.SortOrder).ThenBy(d => d.Name)
            .Select(d => new DatasetLink(d.Slug, d.Name, d.Modality)).ToListAsync(cancellationToken);
        // An empty list is not kept: it is what a fresh site shows until its first import lands.
        if (links.Count > 0 && options.Value.LookupSeconds > 0)
        {
            using var entry = cache.CreateEntry(Key);
            entry.Value = (IReadOnlyList<DatasetLink>)links;
            entry.AbsoluteExpirationRelativeToNow = options.Value.LookupLifetime;
            entry.AddExpirationToken(changes.Token);
            entry.Size = links.Count;
        }
        return links;
    }
}
