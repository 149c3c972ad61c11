using LabelErrors.Data;
using Microsoft.EntityFrameworkCore;

namespace LabelErrors.Web.Browse;

/// <summary>Loads a dataset by its URL slug for the browse pages (a short context per call).</summary>
public sealed class DatasetLookup(IDbContextFactory<LabelErrorsDbContext> contexts)
{
    public async Task<BrowseDataset?> FindAsync(string slug, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var dataset = await db.Datasets.AsNoTracking()
            .Where(d => d.Slug == slug)
            .Select(d => new { d.Id, d.Slug, d.Name, d.Modality, d.TestSetSize })
            .FirstOrDefaultAsync(cancellationToken);
        if (dataset is null)
            return null;
        var classes = await db.Classes.AsNoTracking()
            .Where(c => c.DatasetId == dataset.Id)
            .Select(c => new { c.Index, c.Name })
            .ToDictionaryAsync(c => c.Index, c => c.Name, cancellationToken);
        return new BrowseDataset(dataset.Id, dataset.Slug, dataset.Name, dataset.Modality, dataset.TestSetSize, classes);
    }
}
