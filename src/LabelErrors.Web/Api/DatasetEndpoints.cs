using LabelErrors.Data;
using LabelErrors.Data.Entities;
using LabelErrors.Web.Api.Contracts;
using LabelErrors.Web.Api.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LabelErrors.Web.Api;

/// <summary><c>GET /api/v1/datasets</c> and <c>GET /api/v1/datasets/{dataset}</c>.</summary>
public static class DatasetEndpoints
{
    /// <summary>Maps onto the <c>/api/v1/datasets</c> group.</summary>
    public static RouteGroupBuilder MapDatasetEndpoints(this RouteGroupBuilder datasets)
    {
        datasets.MapGet("", ListAsync)
            .WithName("ListDatasets")
            .WithSummary("The study's datasets with their Table 1 figures");
        datasets.MapGet("/{dataset}", GetAsync)
            .WithName("GetDataset")
            .WithSummary("One dataset with its class names");
        return datasets;
    }

    private static async Task<ETaggedJson<ApiDatasetList>> ListAsync(HttpContext context, IDbContextFactory<LabelErrorsDbContext> contexts, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var datasets = await db.Datasets.AsNoTracking().Where(d => !d.IsUpload).OrderBy(d => d.SortOrder).ToListAsync(cancellationToken);
        var counts = await ExampleCountsAsync(db, cancellationToken);
        return ETaggedResult.Json(context, new ApiDatasetList(datasets.Select(d => ToApi(d, counts.GetValueOrDefault(d.Id))).ToList()));
    }

    private static async Task<Results<ETaggedJson<ApiDatasetDetail>, NotFoundProblem>> GetAsync(
        string dataset, HttpContext context, IDbContextFactory<LabelErrorsDbContext> contexts, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = await db.Datasets.AsNoTracking().Include(d => d.Classes)
            .FirstOrDefaultAsync(d => d.Slug == dataset && !d.IsUpload, cancellationToken);
        if (found is null)
            return ApiProblems.DatasetNotFound(dataset);
        var count = await db.Examples.LongCountAsync(e => e.DatasetId == found.Id, cancellationToken);
        var classes = found.Classes.OrderBy(c => c.Index).Select(c => new ApiClass(c.Index, c.Name)).ToList();
        return ETaggedResult.Json(context, new ApiDatasetDetail(ToApi(found, count), classes));
    }

    private static async Task<Dictionary<int, long>> ExampleCountsAsync(LabelErrorsDbContext db, CancellationToken cancellationToken) =>
        await db.Examples.GroupBy(e => e.DatasetId)
            .Select(g => new { DatasetId = g.Key, Count = g.LongCount() })
            .ToDictionaryAsync(g => g.DatasetId, g => g.Count, cancellationToken);

    internal static ApiDataset ToApi(Dataset d, long importedExamples)
    {
        var self = $"{ApiEndpoints.Prefix}/datasets/{Uri.EscapeDataString(d.Slug)}";
        return new ApiDataset(
            d.Slug, d.Name, d.Modality.ToString().ToLowerInvariant(), d.TestSetSize, d.ClassCount, importedExamples,
            importedExamples == d.TestSetSize,
            ToApi(d.Paper)!, ToApi(d.Recomputed), d.FiguresNote, d.ImportProblem,
            new ApiDatasetLinks(self, $"{self}/examples", $"{self}/corrected", $"{self}/scores", $"/d/{Uri.EscapeDataString(d.Slug)}"));
    }

    private static ApiTable1Figures? ToApi(PaperFigures? figures) =>
        figures is null ? null : new ApiTable1Figures(figures.ClGuessed, figures.MturkChecked, figures.Validated, figures.Estimated, figures.ErrorPercent);
}
