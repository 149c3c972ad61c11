using LabelErrors.Data.Entities;
using LabelErrors.Web.Api;
using LabelErrors.Web.Api.Contracts;
using LabelErrors.Web.Api.Problems;
using LabelErrors.Web.Uploads;
using LabelErrors.Web.Uploads.MultiLabel;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LabelErrors.Web.Review.MultiLabel;

/// <summary>
/// The review endpoints' answers for a multi-label upload (<see cref="ReviewEndpoints"/> hands over when the upload's
/// task is multi-label): decisions carry label sets, the cleaned labels are JSON or CSV sets, the log has set columns.
/// </summary>
internal static class MultiLabelReviewEndpoints
{
    public static bool Serves(UploadLookup upload) => upload.Dataset.Upload?.Task == UploadTask.MultiLabel;

    /// <summary>format json (default) or csv (<c>index,labels</c>); excluded drop (default) or mark (JSON null, CSV -1).</summary>
    public static async Task CleanedAsync(UploadLookup upload, string? format, string? excluded, HttpContext context, MultiLabelExport export, CancellationToken cancellationToken)
    {
        var json = format is null || string.Equals(format, "json", StringComparison.OrdinalIgnoreCase);
        if (!json && !string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase))
        {
            await ApiProblems.BadRequest("format is json or csv for a multi-label upload", "format").ExecuteAsync(context);
            return;
        }
        ExcludedHandling? handling = excluded is null ? ExcludedHandling.Drop : Enum.TryParse<ExcludedHandling>(excluded, true, out var h) && !int.TryParse(excluded, out _) ? h : null;
        if (handling is not { } excludedHandling)
        {
            await ApiProblems.BadRequest("excluded is drop or mark", "excluded").ExecuteAsync(context);
            return;
        }
        var fileName = $"{upload.Dataset.Slug}-labels-cleaned.{(json ? "json" : "csv")}";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        if (json)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await export.WriteSetsJsonAsync(upload.Dataset.Id, MultiLabelBaseline.Given, excludedHandling, context.Response.Body, cancellationToken);
            return;
        }
        context.Response.ContentType = "text/csv; charset=utf-8";
        await using var writer = new StreamWriter(context.Response.Body, new System.Text.UTF8Encoding(false));
        await export.WriteSetsCsvAsync(upload.Dataset.Id, MultiLabelBaseline.Given, excludedHandling, writer, cancellationToken);
    }

    public static async Task DecisionLogAsync(UploadLookup upload, HttpContext context, MultiLabelDecisionLog log, CancellationToken cancellationToken)
    {
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{upload.Dataset.Slug}-decisions.csv\"";
        await using var writer = new StreamWriter(context.Response.Body, new System.Text.UTF8Encoding(false));
        await log.WriteCsvAsync(upload.Dataset.Id, writer, cancellationToken);
    }

    public static async Task<Results<Created<ApiDecision>, BadRequestProblem, ForbiddenProblem>> DecideAsync(
        UploadLookup upload, ReviewDecisionKind kind, ApiDecisionRequest body, MultiLabelReviewService review, CancellationToken cancellationToken)
    {
        if (body.Label is not null)
            return ApiProblems.BadRequest("a multi-label upload takes labels (a list of class ids), not label", "label");
        try
        {
            var decision = await review.DecideAsync(upload.Dataset.Id, new MultiLabelDecisionInput(body.Index, kind, body.Labels, body.Note), cancellationToken);
            return TypedResults.Created((string?)null, new ApiDecision(
                decision.StudyIndex, DecisionNames.Format(decision.Kind), null, decision.Note, decision.DecidedAt, decision.Labels));
        }
        catch (MultiLabelReviewException e)
        {
            return ApiProblems.BadRequest(e.Message, e.Field);
        }
    }

    public static async Task<ApiMultiLabelBulkAccept> BulkAcceptAsync(UploadLookup upload, int worst, bool preview, MultiLabelReviewService review, CancellationToken cancellationToken)
    {
        var changes = preview
            ? await review.PreviewBulkAcceptAsync(upload.Dataset.Id, worst, cancellationToken)
            : await review.BulkAcceptAsync(upload.Dataset.Id, worst, cancellationToken: cancellationToken);
        return new ApiMultiLabelBulkAccept(preview, changes.Select(c => new ApiMultiLabelBulkChange(c.StudyIndex, c.Given, c.Suggested, c.LabelQuality)).ToList());
    }
}
