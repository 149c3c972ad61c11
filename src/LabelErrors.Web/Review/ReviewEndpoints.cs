using LabelErrors.Web.Api;
using LabelErrors.Web.Api.Contracts;
using LabelErrors.Web.Api.Problems;
using LabelErrors.Web.Review.MultiLabel;
using LabelErrors.Web.Uploads;
using LabelErrors.Web.Uploads.MultiLabel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace LabelErrors.Web.Review;

/// <summary>
/// The review of an upload over HTTP (<c>/api/v1/uploads/{token}/…</c>): the cleaned labels and the decision log for
/// anyone with the share link, decisions, undo and bulk accept with the owner key (X-Owner-Key).
/// </summary>
public static class ReviewEndpoints
{
    /// <summary>Maps onto the <c>/api/v1/uploads/{token}</c> group.</summary>
    public static RouteGroupBuilder MapReviewEndpoints(this RouteGroupBuilder review)
    {
        review.MapGet("/cleaned", CleanedAsync).WithName("GetCleanedLabels")
            .WithSummary("The upload's labels with the review decisions applied (format csv or npy; excluded drop or mark)")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .Produces<ProblemDetails>(StatusCodes.Status400BadRequest, ApiProblem.MediaType)
            .Produces<ProblemDetails>(StatusCodes.Status404NotFound, ApiProblem.MediaType);
        review.MapGet("/decisions.csv", DecisionLogAsync).WithName("GetDecisionLog")
            .WithSummary("Every review decision, undone ones included")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .Produces<ProblemDetails>(StatusCodes.Status404NotFound, ApiProblem.MediaType);
        review.MapPost("/decisions", DecideAsync).WithName("Decide").WithSummary("Record a review decision (owner key)");
        review.MapPost("/decisions/undo", UndoAsync).WithName("UndoDecision").WithSummary("Undo the last decision or bulk accept (owner key)");
        review.MapPost("/decisions/bulk-accept", BulkAcceptAsync).WithName("BulkAccept")
            .WithSummary("Accept the suggested label of the worst issues (owner key); preview=true only lists them");
        return review;
    }

    private static async Task CleanedAsync(
        string token, string? format, string? excluded, HttpContext context, ReviewAccess access, CleanedLabels cleaned, MultiLabelExport multiLabel, CancellationToken cancellationToken)
    {
        var upload = await access.ReadableAsync(token, cancellationToken);
        if (upload?.Dataset.Upload is not { } info)
        {
            await NotAnalysed().ExecuteAsync(context);
            return;
        }
        if (MultiLabelReviewEndpoints.Serves(upload))
        {
            await MultiLabelReviewEndpoints.CleanedAsync(upload, format, excluded, context, multiLabel, cancellationToken);
            return;
        }
        CleanedFormat? chosenFormat = format is null ? CleanedLabels.UploadedFormat(info) : Enum.TryParse<CleanedFormat>(format, true, out var f) ? f : null;
        ExcludedHandling? handling = excluded is null ? ExcludedHandling.Drop : Enum.TryParse<ExcludedHandling>(excluded, true, out var h) ? h : null;
        if (chosenFormat is not { } fileFormat || int.TryParse(format, out _))
        {
            await ApiProblems.BadRequest("format is csv or npy", "format").ExecuteAsync(context);
            return;
        }
        if (handling is not { } excludedHandling || int.TryParse(excluded, out _))
        {
            await ApiProblems.BadRequest("excluded is drop or mark", "excluded").ExecuteAsync(context);
            return;
        }
        var labels = await cleaned.ComputeAsync(upload.Dataset.Id, excludedHandling, cancellationToken);
        var extension = fileFormat == CleanedFormat.Npy ? "npy" : "csv";
        context.Response.ContentType = fileFormat == CleanedFormat.Npy ? "application/octet-stream" : "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{upload.Dataset.Slug}-labels-cleaned.{extension}\"";
        await CleanedLabels.WriteAsync(labels, fileFormat, context.Response.Body, cancellationToken);
    }

    private static async Task DecisionLogAsync(
        string token, HttpContext context, ReviewAccess access, DecisionLog log, MultiLabelDecisionLog multiLabelLog, CancellationToken cancellationToken)
    {
        var upload = await access.ReadableAsync(token, cancellationToken);
        if (upload is null)
        {
            await NotAnalysed().ExecuteAsync(context);
            return;
        }
        if (MultiLabelReviewEndpoints.Serves(upload))
        {
            await MultiLabelReviewEndpoints.DecisionLogAsync(upload, context, multiLabelLog, cancellationToken);
            return;
        }
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{upload.Dataset.Slug}-decisions.csv\"";
        await using var writer = new StreamWriter(context.Response.Body, new System.Text.UTF8Encoding(false));
        await log.WriteCsvAsync(upload.Dataset.Id, writer, cancellationToken, consensus: upload.Dataset.Upload?.Task == Data.Entities.UploadTask.MultiAnnotator);
    }

    private static async Task<Results<Created<ApiDecision>, BadRequestProblem, ForbiddenProblem>> DecideAsync(
        string token, ApiDecisionRequest body, HttpRequest request, ReviewAccess access, ReviewService review, MultiLabelReviewService multiLabel, CancellationToken cancellationToken)
    {
        if (await OwnedAsync(token, request, access, cancellationToken) is not { } upload)
            return OwnerKeyRefused();
        if (DecisionNames.TryParse(body.Decision) is not { } kind)
            return ApiProblems.BadRequest("decision is keep, accept, relabel, exclude or needs_review", "decision");
        if (MultiLabelReviewEndpoints.Serves(upload))
            return await MultiLabelReviewEndpoints.DecideAsync(upload, kind, body, multiLabel, cancellationToken);
        if (body.Labels is not null)
            return ApiProblems.BadRequest("labels (a set of class ids) is for multi-label uploads; relabel this upload's example with label", "labels");
        try
        {
            var decision = await review.DecideAsync(upload.Dataset.Id, new DecisionInput(body.Index, kind, body.Label, body.Note), cancellationToken);
            return TypedResults.Created((string?)null, new ApiDecision(
                decision.StudyIndex, DecisionNames.Format(decision.Kind), decision.Label, decision.Note, decision.DecidedAt));
        }
        catch (ReviewException e)
        {
            return ApiProblems.BadRequest(e.Message, null);
        }
    }

    private static async Task<Results<Ok<ApiUndone>, ForbiddenProblem>> UndoAsync(
        string token, HttpRequest request, ReviewAccess access, ReviewService review, CancellationToken cancellationToken)
    {
        if (await OwnedAsync(token, request, access, cancellationToken) is not { } upload)
            return OwnerKeyRefused();
        var undone = await review.UndoLastAsync(upload.Dataset.Id, cancellationToken);
        return TypedResults.Ok(new ApiUndone(undone));
    }

    private static async Task<Results<Ok<ApiBulkAccept>, Ok<ApiMultiLabelBulkAccept>, ForbiddenProblem>> BulkAcceptAsync(
        string token, int worst, bool? preview, HttpRequest request, ReviewAccess access, ReviewService review, MultiLabelReviewService multiLabel, CancellationToken cancellationToken)
    {
        if (await OwnedAsync(token, request, access, cancellationToken) is not { } upload)
            return OwnerKeyRefused();
        if (MultiLabelReviewEndpoints.Serves(upload))
            return TypedResults.Ok(await MultiLabelReviewEndpoints.BulkAcceptAsync(upload, worst, preview == true, multiLabel, cancellationToken));
        var changes = preview == true
            ? await review.PreviewBulkAcceptAsync(upload.Dataset.Id, worst, cancellationToken)
            : await review.BulkAcceptAsync(upload.Dataset.Id, worst, cancellationToken: cancellationToken);
        return TypedResults.Ok(new ApiBulkAccept(
            preview == true,
            changes.Select(c => new ApiBulkChange(c.StudyIndex, c.GivenLabel, c.SuggestedLabel, c.LabelQuality)).ToList()));
    }

    private static Task<UploadLookup?> OwnedAsync(string token, HttpRequest request, ReviewAccess access, CancellationToken cancellationToken) =>
        access.WritableAsync(token, request.Headers[UploadEndpoints.OwnerKeyHeader].ToString(), cancellationToken);

    private static ForbiddenProblem OwnerKeyRefused() =>
        ApiProblems.OwnerKeyRefused("an analysed upload with this link and the owner key in X-Owner-Key is needed");

    private static NotFoundProblem NotAnalysed() => ApiProblems.UploadNotFound("no analysed upload with this link");
}
