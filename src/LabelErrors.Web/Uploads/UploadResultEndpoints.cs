using LabelErrors.Data.Entities;
using LabelErrors.Data.Queries;
using LabelErrors.Web.Api;
using LabelErrors.Web.Api.Contracts;
using LabelErrors.Web.Api.Problems;
using LabelErrors.Web.Jobs;
using LabelErrors.Web.Uploads.MultiLabel;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LabelErrors.Web.Uploads;

/// <summary>
/// An upload's results as JSON: <c>GET /api/v1/uploads/{token}</c> (the health summary: issues, outliers, class
/// imbalance) and <c>GET /api/v1/uploads/{token}/examples</c> (the results page's gallery views, the same
/// <see cref="ExampleQuery"/> parsed by <see cref="UploadGallery.Parse"/>, keyset-paginated).
/// </summary>
public static class UploadResultEndpoints
{
    /// <summary>Maps onto the <c>/api/v1/uploads/{token}</c> group.</summary>
    public static RouteGroupBuilder MapUploadResultEndpoints(this RouteGroupBuilder upload)
    {
        upload.MapGet("", GetAsync).WithName("GetUpload")
            .WithSummary("The upload's state and health summary: label issues, outliers and class imbalance");
        upload.MapGet("/examples", ListAsync).WithName("ListUploadExamples")
            .WithSummary("The upload's examples as its results page lists them (scope issues, outliers or all), keyset-paginated")
            .WithDescription("Query keys as in the results page's URL, parsed by the page's own parser; plus cursor. The outliers scope lists "
                + "Datalab's outlier issues (outlier score below 0.13 × the median score), lowest score first. "
                + "A multi-label upload answers its gallery's pages instead (ApiMultiLabelExamplePage): scope=issues (default, by rank) or all "
                + "(by label quality), class=<id> (given or flagged), issue=label-missing|label-wrong, page (24 per page).");
        return upload;
    }

    private static async Task<Results<Ok<ApiUploadSummary>, NotFoundProblem>> GetAsync(string token, UploadQueries queries, CancellationToken cancellationToken)
    {
        var upload = await queries.FindAsync(token, cancellationToken);
        if (upload is null)
            return ApiProblems.UploadNotFound();
        var dataset = upload.Dataset;
        var succeeded = upload.Job?.State == AnalysisJobState.Succeeded;
        var health = succeeded ? UploadHealth.FromJson(dataset.Upload?.HealthJson) : null;
        var imbalance = health?.ClassImbalance is { } i
            ? new ApiClassImbalance(i.RarestClass, ClassName(dataset, i.RarestClass), i.RarestClassCount, i.RarestClassShare, i.ShareThreshold, i.Imbalanced)
            : null;
        var self = $"{ApiEndpoints.Prefix}/uploads/{token}";
        return TypedResults.Ok(new ApiUploadSummary(
            token, dataset.Name, upload.Job?.State.ToString().ToLowerInvariant() ?? "missing", dataset.TestSetSize, dataset.ClassCount,
            succeeded ? dataset.Upload?.HealthScore : null, health?.IssueCount, health?.OutlierCount, health?.OutlierThreshold, imbalance,
            new ApiUploadLinks(self, $"{self}/job", $"{self}/examples", $"{self}/examples?{ExampleQuery.Keys.Scope}=outliers", UploadUrls.Share(token))));
    }

    private static async Task<Results<Ok<ApiUploadExamplePage>, Ok<ApiMultiLabelExamplePage>, ValidationProblem, NotFoundProblem, ConflictProblem>> ListAsync(
        string token, [AsParameters] UploadExampleListParameters parameters, HttpContext context, UploadQueries queries, ExampleSearch search,
        MultiLabelGallery multiLabel, CancellationToken cancellationToken)
    {
        var upload = await queries.FindAsync(token, cancellationToken);
        if (upload is null)
            return ApiProblems.UploadNotFound();
        if (upload.Job?.State != AnalysisJobState.Succeeded)
            return ApiProblems.Conflict("Analysis not finished",
                $"the analysis is {upload.Job?.State.ToString().ToLowerInvariant() ?? "missing"}; results exist once it succeeded");
        if (upload.Dataset.Upload?.Task == UploadTask.MultiLabel)
            return TypedResults.Ok(await MultiLabelExampleEndpoints.PageAsync(token, upload, context, multiLabel, cancellationToken));

        var query = UploadGallery.Parse(context.Request.QueryString.Value);
        ExampleCursor? after = null;
        if (!string.IsNullOrEmpty(parameters.Cursor))
        {
            after = ExampleCursor.TryDecode(parameters.Cursor);
            if (after is null || !after.Fits(query))
                return ApiProblems.InvalidParameter(ExampleEndpoints.CursorKey, "cursor is not one this API returned for this order; start again without a cursor");
        }

        var slice = await search.SearchAfterAsync(upload.Dataset.Id, query, after, cancellationToken);
        var nextCursor = slice.Next?.Encode();
        string? next = null;
        if (nextCursor is not null)
        {
            var builder = new QueryBuilder();
            foreach (var (key, values) in Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query.ToQueryString(includePage: false)))
            {
                foreach (var value in values)
                    builder.Add(key, value ?? "");
            }
            builder.Add(ExampleEndpoints.CursorKey, nextCursor);
            next = $"{ApiEndpoints.Prefix}/uploads/{token}/examples{builder.ToQueryString()}";
        }

        var items = slice.Items.Select(i => new ApiUploadExample(
            i.StudyIndex, i.GivenLabel, i.PredictedLabel, i.LabelQuality, i.IssueRank, i.OutlierScore, i.IsOutlier,
            UploadGallery.ExampleHref(token, i.StudyIndex, query))).ToList();
        return TypedResults.Ok(new ApiUploadExamplePage(items, slice.TotalCount, nextCursor, next));
    }

    private static string ClassName(Dataset dataset, int index) =>
        dataset.Classes.FirstOrDefault(c => c.Index == index)?.Name ?? index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
