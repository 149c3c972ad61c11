using LabelErrors.Data;
using LabelErrors.Data.Entities;
using LabelErrors.Web.Browse.Caching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace LabelErrors.Web.Browse;

/// <summary>
/// The datasets the site lists: the study's (in the paper's order) for the corrected, score and chart pages, the API
/// and Table 1, and the listed ones (the study's and listed uploads) for the home page and the menu. Both lists only
/// change with an import or a listed upload, so they are kept in memory until <see cref="BrowseDataChanges"/> signals
/// one (or the lookup lifetime ends, for an import run by the CLI). An empty list is never kept: it is what a fresh
/// site shows until its first import lands. The cached entities are shared: callers must not change them.
/// </summary>
public sealed class DatasetDirectory(
    IDbContextFactory<LabelErrorsDbContext> contexts,
    IMemoryCache cache,
    BrowseDataChanges changes,
    IOptions<BrowseCacheOptions> options)
{
    private static readonly object StudyKey = new();
    private static readonly object ListedKey = new();
    private static readonly object SnippetsKey = new();

    /// <summary>The study's datasets (no uploads), by the paper's order.</summary>
    public Task<IReadOnlyList<Dataset>> StudyAsync(CancellationToken cancellationToken = default) =>
        CachedAsync(StudyKey, db => db.Datasets.AsNoTracking().Where(d => !d.IsUpload).OrderBy(d => d.SortOrder), cancellationToken);

    /// <summary>The datasets anyone may browse: the study's and the uploads their owners listed.</summary>
    public Task<IReadOnlyList<Dataset>> ListedAsync(CancellationToken cancellationToken = default) =>
        CachedAsync(ListedKey, db => db.Datasets.AsNoTracking().Where(d => !d.IsUpload || d.Upload!.IsListed)
            .OrderBy(d => d.SortOrder).ThenBy(d => d.Name), cancellationToken);

    /// <summary>One study dataset with its class names (in class order), or null for an unknown slug or an upload.</summary>
    public async Task<Dataset?> StudyDatasetAsync(string slug, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var dataset = await db.Datasets.AsNoTracking().Include(d => d.Classes)
            .FirstOrDefaultAsync(d => d.Slug == slug && !d.IsUpload, cancellationToken);
        if (dataset is not null)
            dataset.Classes = dataset.Classes.OrderBy(c => c.Index).ToList();
        return dataset;
    }

    /// <summary>How many examples are imported per dataset id (not cached: an import in progress changes it).</summary>
    public async Task<IReadOnlyDictionary<int, long>> ImportedExamplesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Examples.GroupBy(e => e.DatasetId)
            .Select(g => new { DatasetId = g.Key, Count = g.LongCount() })
            .ToDictionaryAsync(g => g.DatasetId, g => g.Count, cancellationToken);
    }

    /// <summary>How many examples of one dataset are imported.</summary>
    public async Task<long> ImportedExamplesAsync(int datasetId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Examples.LongCountAsync(e => e.DatasetId == datasetId, cancellationToken);
    }

    /// <summary>
    /// A text dataset's stand-in for a cover image: the start of its first validated error with a text (an index
    /// seek per text set), by dataset id. Image and audio sets have none. Kept like the lists (they change only with
    /// an import): the home page's interactive render then starts from memory instead of the database.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, string>> CoverSnippetsAsync(IEnumerable<Dataset> datasets, CancellationToken cancellationToken = default)
    {
        var texts = datasets.Where(d => d.Modality == Modality.Text).Select(d => d.Id).Order().ToList();
        if (texts.Count == 0)
            return new Dictionary<int, string>();
        var key = (SnippetsKey, string.Join(',', texts));
        if (cache.TryGetValue(key, out IReadOnlyDictionary<int, string>? cached) && cached is not null)
            return cached;
        var token = changes.Token;
        var snippets = new Dictionary<int, string>();
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            foreach (var id in texts)
            {
                var snippet = await db.Examples.AsNoTracking()
                    .Where(e => e.DatasetId == id && e.IsValidatedError && e.Text != null)
                    .OrderBy(e => e.StudyIndex)
                    .Select(e => e.Text!.Text.Substring(0, 240))
                    .FirstOrDefaultAsync(cancellationToken);
                if (snippet is not null)
                    snippets[id] = snippet;
            }
        }
        if (snippets.Count > 0 && options.Value.LookupSeconds > 0)
        {
            using var entry = cache.CreateEntry(key);
            entry.Value = (IReadOnlyDictionary<int, string>)snippets;
            entry.AbsoluteExpirationRelativeToNow = options.Value.LookupLifetime;
            entry.AddExpirationToken(token);
            entry.Size = snippets.Count;
        }
        return snippets;
    }

    private async Task<IReadOnlyList<Dataset>> CachedAsync(object key, Func<LabelErrorsDbContext, IQueryable<Dataset>> query, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(key, out IReadOnlyList<Dataset>? cached) && cached is not null)
            return cached;
        // The token is taken before reading: a change signalled during the read then expires what was read.
        var token = changes.Token;
        List<Dataset> datasets;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
            datasets = await query(db).ToListAsync(cancellationToken);
        if (datasets.Count > 0 && options.Value.LookupSeconds > 0)
        {
            using var entry = cache.CreateEntry(key);
            entry.Value = (IReadOnlyList<Dataset>)datasets;
            entry.AbsoluteExpirationRelativeToNow = options.Value.LookupLifetime;
            entry.AddExpirationToken(token);
            entry.Size = datasets.Count;
        }
        return datasets;
    }
}
