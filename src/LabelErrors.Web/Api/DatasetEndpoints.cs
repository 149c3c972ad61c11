using LabelErrors.Data.Entities;
using LabelErrors.Web.Api.Contracts;
using LabelErrors.Web.Api.Problems;
using LabelErrors.Web.Browse;
using Microsoft.AspNetCore.Http.HttpResults;

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

    private static async Task<ETaggedJson<ApiDatasetList>> ListAsync(HttpContext context, DatasetDirectory directory, CancellationToken cancellationToken)
    {
        var datasets = await directory.StudyAsync(cancellationToken);
        var counts = await directory.ImportedExamplesAsync(cancellationToken);
        return ETaggedResult.Json(context, new ApiDatasetList(datasets.Select(d => ToApi(d, counts.GetValueOrDefault(d.Id))).ToList()));
    }

    private static async Task<Results<ETaggedJson<ApiDatasetDetail>, NotFoundProblem>> GetAsync(
        string dataset, HttpContext context, DatasetDirectory directory, CancellationToken cancellationToken)
    {
        var found = await directory.StudyDatasetAsync(dataset, cancellationToken);
        if (found is null)
            return ApiProblems.DatasetNotFound(dataset);
        var count = await directory.ImportedExamplesAsync(found.Id, cancellationToken);
        var classes = found.Classes.Select(c => new ApiClass(c.Index, c.Name)).ToList();
        return ETaggedResult.Json(context, new ApiDatasetDetail(ToApi(found, count), classes));
    }

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
