using LabelErrors.Web.Api;
using LabelErrors.Web.Api.Contracts;
using LabelErrors.Web.Api.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LabelErrors.Web.Uploads.MultiLabel;

/// <summary>
/// A multi-label upload's examples over <c>/api/v1</c>: its gallery pages (answered by
/// <c>GET /uploads/{token}/examples</c>, <see cref="UploadResultEndpoints"/>, for this task) and one example, with the
/// same fields the gallery and permalink show (given labels, suggested labels, flagged classes, per-class quality).
/// </summary>
public static class MultiLabelExampleEndpoints
{
    public static RouteGroupBuilder MapMultiLabelExampleEndpoints(this RouteGroupBuilder uploads)
    {
        uploads.MapGet("/{token}/examples/{index:long}", GetAsync).WithName("GetUploadExample")
            .WithSummary("One example of a multi-label upload with its given and suggested labels and per-class quality");
        uploads.MapGet("/{token}/charts", ChartsAsync).WithName("GetMultiLabelUploadCharts")
            .WithSummary("A multi-label upload's chart data: flagged classes per class and kind, and the label quality distribution");
        return uploads;
    }

    private static async Task<Results<Ok<ApiMultiLabelCharts>, NotFoundProblem, ConflictProblem>> ChartsAsync(
        string token, UploadQueries queries, Charting.MultiLabel.MultiLabelCharts charts, CancellationToken cancellationToken)
    {
        var upload = await queries.FindAsync(token, cancellationToken);
        if (Refusal(upload) is { } refusal)
            return refusal.Match<Results<Ok<ApiMultiLabelCharts>, NotFoundProblem, ConflictProblem>>(n => n, c => c);
        var set = await charts.LoadAsync(upload!.Dataset, cancellationToken);
        return TypedResults.Ok(new ApiMultiLabelCharts(set.Examples, set.FlaggedExamples,
            set.Classes.Select(c => new ApiClassIssueCounts(c.ClassIndex, c.ClassName, c.LabelWrong, c.LabelMissing)).ToList(),
            set.Quality.Select(b => new ApiQualityBin(b.From, b.To, b.Flagged, b.NotFlagged)).ToList()));
    }

    /// <summary>One gallery page of a multi-label upload whose analysis succeeded: scope=issues (default, by rank) or all
    /// (by label quality), class=&lt;id&gt; (given or flagged), issue=label-missing|label-wrong, page (24 per page).</summary>
    public static async Task<ApiMultiLabelExamplePage> PageAsync(
        string token, UploadLookup upload, HttpContext context, MultiLabelGallery gallery, CancellationToken cancellationToken)
    {
        var view = MultiLabelView.Parse(context.Request.QueryString.Value, upload.Dataset.ClassCount);
        var page = await gallery.SearchAsync(upload.Dataset.Id, view, cancellationToken);
        var next = page.Page < page.PageCount
            ? $"/api/v1/uploads/{token}/examples{(view with { Page = view.Page + 1 }).ToQueryString()}"
            : null;
        return new ApiMultiLabelExamplePage(page.Examples.Select(e => ToApi(token, upload, e)).ToList(), page.Total, page.Page, MultiLabelView.PageSize, next);
    }

    private static async Task<Results<Ok<ApiMultiLabelExample>, NotFoundProblem, ConflictProblem>> GetAsync(
        string token, long index, UploadQueries queries, MultiLabelGallery gallery, CancellationToken cancellationToken)
    {
        var upload = await queries.FindAsync(token, cancellationToken);
        if (Refusal(upload) is { } refusal)
            return refusal.Match<Results<Ok<ApiMultiLabelExample>, NotFoundProblem, ConflictProblem>>(n => n, c => c);
        var example = await gallery.FindAsync(upload!.Dataset.Id, index, cancellationToken);
        if (example is null)
            return new NotFoundProblem("Example not found", $"the upload has no example {index}", "index");
        return TypedResults.Ok(ToApi(token, upload, example));
    }

    public static ApiMultiLabelExample ToApi(string token, UploadLookup upload, MultiLabelExample example) =>
        new(example.StudyIndex, example.Given.ToList(), example.Suggested.ToList(), example.LabelQuality, example.IssueRank,
            example.Classes.Select(c => new ApiClassLabel(c.ClassIndex, ClassName(upload, c.ClassIndex), c.IsGiven, c.IsSuggested, c.Probability, c.Quality,
                c.Issue is { } issue ? MultiLabelView.Name(issue) : null)).ToList(),
            $"{UploadUrls.Share(token)}/{example.StudyIndex}");

    private static string ClassName(UploadLookup upload, int index) =>
        index < upload.Dataset.Classes.Count ? upload.Dataset.Classes[index].Name : index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private readonly record struct Refused(NotFoundProblem? NotFound, ConflictProblem? Conflict)
    {
        public T Match<T>(Func<NotFoundProblem, T> notFound, Func<ConflictProblem, T> conflict) => NotFound is { } n ? notFound(n) : conflict(Conflict!);
    }

    private static Refused? Refusal(UploadLookup? upload)
    {
        if (upload is null)
            return new Refused(ApiProblems.UploadNotFound(), null);
        if (upload.Dataset.Upload?.Task != Data.Entities.UploadTask.MultiLabel)
            return new Refused(new NotFoundProblem("Not a multi-label upload", "these endpoints serve multi-label uploads; see the share link's gallery", "token"), null);
        if (upload.Job?.State != Data.Entities.AnalysisJobState.Succeeded)
            return new Refused(null, ApiProblems.Conflict("Analysis not finished",
                $"the analysis is {upload.Job?.State.ToString().ToLowerInvariant() ?? "missing"}; results exist once it succeeded"));
        return null;
    }
}
