using LabelErrors.Core.Corrections;
using LabelErrors.Web.Api.Problems;
using LabelErrors.Web.Corrections;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LabelErrors.Web.Api;

/// <summary>
/// <c>GET /api/v1/datasets/{dataset}/corrected</c>: the test labels corrected at a chosen agreement, as CSV, JSON
/// or .npy. The bytes depend only on the options and the imported data, so the ETag does too.
/// </summary>
public static class CorrectedEndpoints
{
    /// <summary>Maps onto the <c>/api/v1/datasets/{dataset}/corrected</c> group.</summary>
    public static RouteGroupBuilder MapCorrectedEndpoints(this RouteGroupBuilder corrected)
    {
        corrected.MapGet("", GetAsync)
            .WithName("GetCorrectedLabels")
            .WithSummary("The test labels corrected by the workers' votes (CSV, JSON or .npy)")
            .WithDescription("An example takes its CL-guessed label when at least min_agreement of the (usually 5) workers chose it and more chose it "
                + "than the given label. multi_label, neither and non_agreement: keep (the given label) or drop (the example); non_agreement also "
                + "covers correctable examples below min_agreement. CSV columns: index,original_label,corrected_label,category. "
                + ".npy: int64, one element per test example in index order, -1 for a dropped example (complete test sets only).")
            // One 200 in three media types, which no result type can say.
            .Produces(StatusCodes.Status200OK, contentType: CorrectedLabelsCsv.MediaType)
            .Produces(StatusCodes.Status200OK, contentType: CorrectedLabelsJson.MediaType)
            .Produces(StatusCodes.Status200OK, contentType: CorrectedLabelsNpy.MediaType);
        return corrected;
    }

    private static async Task<Results<ETaggedResult, ValidationProblem, NotFoundProblem, UnprocessableProblem>> GetAsync(
        string dataset, HttpContext context, CorrectedExport export,
        string? min_agreement, string? multi_label, string? neither, string? non_agreement, string? format,
        CancellationToken cancellationToken)
    {
        _ = (min_agreement, multi_label, neither, non_agreement, format);
        var query = context.Request.Query;
        var request = CorrectionRequest.TryParse(key => query[key].FirstOrDefault(), out var badParameter, out var reason);
        if (request is null)
            return ApiProblems.InvalidParameter(badParameter!, reason!);

        var testSet = await export.LoadAsync(dataset, cancellationToken);
        if (testSet is null)
            return ApiProblems.DatasetNotFound(dataset);
        if (!CorrectedExport.CanWrite(testSet, request.Format))
            return ApiProblems.Unprocessable("Test set not complete",
                $"{testSet.Name}: {testSet.Examples.Count:N0} of {testSet.TestSetSize:N0} test examples are imported, so an index-aligned .npy cannot be written; use format=csv or json.",
                CorrectionRequest.Keys.Format);

        var file = CorrectedExport.Write(testSet, request);
        context.Response.Headers["X-Corrected-Count"] = file.Set.CorrectedCount.ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.Headers["X-Dropped-Count"] = file.Set.DroppedCount.ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.Headers["X-Test-Set-Complete"] = testSet.IsComplete ? "true" : "false";
        return new ETaggedResult(file.Content, file.ContentType, file.FileName);
    }
}
