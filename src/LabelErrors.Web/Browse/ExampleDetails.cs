using LabelErrors.Data;
using LabelErrors.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LabelErrors.Web.Browse;

/// <summary>Loads one example with its votes and text for the permalink page (one short context, one query).</summary>
public sealed class ExampleDetails(IDbContextFactory<LabelErrorsDbContext> contexts)
{
    public async Task<Example?> FindAsync(int datasetId, long studyIndex, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var example = await db.Examples.AsNoTracking()
            .Include(e => e.Votes)
            .Include(e => e.Text)
            .Where(e => e.DatasetId == datasetId && e.StudyIndex == studyIndex)
            .FirstOrDefaultAsync(cancellationToken);
        // The page never reads the search vector, and the prerender hands the example to the circuit as JSON.
        if (example?.Text is { } text)
            text.SearchVector = null!;
        return example;
    }
}
