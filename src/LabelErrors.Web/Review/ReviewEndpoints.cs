using System.Text.Json.Serialization;
using LabelErrors.Data.Entities;
using LabelErrors.Web.Browse;
using LabelErrors.Web.Review.Visitors;
using LabelErrors.Web.Uploads;

namespace LabelErrors.Web.Review;

/// <summary>
/// The review over HTTP (<c>/api/v1/uploads/{token}/…</c>: cleaned labels, decision log, decisions with the owner key)
/// and visitors' votes and reports on the study's examples (rate limited per client).
/// </summary>
public static class ReviewEndpoints
{
    public const string VotesRateLimitPolicy = "visitor-votes";

    public static IEndpointRouteBuilder MapReviewEndpoints(this IEndpointRouteBuilder app)
    {
        var uploads = app.MapGroup("/api/v1/uploads/{token}").DisableAntiforgery();
        uploads.MapGet("/cleaned", CleanedAsync);
        uploads.MapGet("/decisions.csv", DecisionLogAsync);
        uploads.MapPost("/decisions", DecideAsync);
        uploads.MapPost("/decisions/undo", UndoAsync);
        uploads.MapPost("/decisions/bulk-accept", BulkAcceptAsync);

        var examples = app.MapGroup("/api/v1/datasets/{slug}/examples/{index:long}").DisableAntiforgery().RequireRateLimiting(VotesRateLimitPolicy);
        examples.MapPost("/votes", VoteAsync);
        examples.MapPost("/reports", ReportAsync);
        return app;
    }

    private static async Task CleanedAsync(string token, string? format, string? excluded, HttpContext context, ReviewAccess access, CleanedLabels cleaned, CancellationToken cancellationToken)
    {
        var upload = await access.ReadableAsync(token, cancellationToken);
        if (upload?.Dataset.Upload is not { } info)
        {
            await WriteErrorAsync(context, StatusCodes.Status404NotFound, "no analysed upload with this link");
            return;
        }
        CleanedFormat? chosenFormat = format is null ? CleanedLabels.UploadedFormat(info) : Enum.TryParse<CleanedFormat>(format, true, out var f) ? f : null;
        ExcludedHandling? handling = excluded is null ? ExcludedHandling.Drop : Enum.TryParse<ExcludedHandling>(excluded, true, out var h) ? h : null;
        if (chosenFormat is not { } fileFormat || handling is not { } excludedHandling || int.TryParse(format, out _) || int.TryParse(excluded, out _))
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "format is csv or npy, excluded is drop or mark");
            return;
        }
        var labels = await cleaned.ComputeAsync(upload.Dataset.Id, excludedHandling, cancellationToken);
        var extension = fileFormat == CleanedFormat.Npy ? "npy" : "csv";
        context.Response.ContentType = fileFormat == CleanedFormat.Npy ? "application/octet-stream" : "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{upload.Dataset.Slug}-labels-cleaned.{extension}\"";
        await CleanedLabels.WriteAsync(labels, fileFormat, context.Response.Body, cancellationToken);
    }

    private static async Task DecisionLogAsync(string token, HttpContext context, ReviewAccess access, DecisionLog log, CancellationToken cancellationToken)
    {
        var upload = await access.ReadableAsync(token, cancellationToken);
        if (upload is null)
        {
            await WriteErrorAsync(context, StatusCodes.Status404NotFound, "no analysed upload with this link");
            return;
        }
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{upload.Dataset.Slug}-decisions.csv\"";
        await using var writer = new StreamWriter(context.Response.Body, new System.Text.UTF8Encoding(false));
        await log.WriteCsvAsync(upload.Dataset.Id, writer, cancellationToken);
    }

    public sealed record DecisionBody(
        [property: JsonPropertyName("index")] long Index,
        [property: JsonPropertyName("decision")] string Decision,
        [property: JsonPropertyName("label")] int? Label,
        [property: JsonPropertyName("note")] string? Note);

    private static async Task<IResult> DecideAsync(string token, DecisionBody body, HttpRequest request, ReviewAccess access, ReviewService review, CancellationToken cancellationToken)
    {
        if (await OwnedAsync(token, request, access, cancellationToken) is not { } upload)
            return OwnerKeyRefused();
        if (DecisionNames.TryParse(body.Decision) is not { } kind)
            return Results.BadRequest(new { error = "decision is keep, accept, relabel, exclude or needs_review" });
        try
        {
            var decision = await review.DecideAsync(upload.Dataset.Id, new DecisionInput(body.Index, kind, body.Label, body.Note), cancellationToken);
            return Results.Json(new
            {
                index = decision.StudyIndex,
                decision = DecisionNames.Format(decision.Kind),
                label = decision.Label,
                note = decision.Note,
                decided_at = decision.DecidedAt,
            }, statusCode: StatusCodes.Status201Created);
        }
        catch (ReviewException e)
        {
            return Results.BadRequest(new { error = e.Message });
        }
    }

    private static async Task<IResult> UndoAsync(string token, HttpRequest request, ReviewAccess access, ReviewService review, CancellationToken cancellationToken)
    {
        if (await OwnedAsync(token, request, access, cancellationToken) is not { } upload)
            return OwnerKeyRefused();
        var undone = await review.UndoLastAsync(upload.Dataset.Id, cancellationToken);
        return Results.Ok(new { undone });
    }

    private static async Task<IResult> BulkAcceptAsync(string token, int worst, bool? preview, HttpRequest request, ReviewAccess access, ReviewService review, CancellationToken cancellationToken)
    {
        if (await OwnedAsync(token, request, access, cancellationToken) is not { } upload)
            return OwnerKeyRefused();
        var changes = preview == true
            ? await review.PreviewBulkAcceptAsync(upload.Dataset.Id, worst, cancellationToken)
            : await review.BulkAcceptAsync(upload.Dataset.Id, worst, cancellationToken: cancellationToken);
        return Results.Ok(new
        {
            preview = preview == true,
            changes = changes.Select(c => new { index = c.StudyIndex, given_label = c.GivenLabel, suggested_label = c.SuggestedLabel, label_quality = c.LabelQuality }),
        });
    }

    /// <summary>A vote: <c>answer</c> is one option, or <c>heard_labels</c> with <c>labels</c> (AudioSet: the labels heard, possibly none).</summary>
    public sealed record VoteBody(
        [property: JsonPropertyName("browser_id")] string BrowserId,
        [property: JsonPropertyName("answer")] string? Answer,
        [property: JsonPropertyName("labels")] IReadOnlyList<string>? Labels = null);

    private static async Task<IResult> VoteAsync(string slug, long index, VoteBody body, DatasetLookup datasets, VisitorVoteService votes, CancellationToken cancellationToken)
    {
        if (await datasets.FindAsync(slug, cancellationToken) is not { } dataset)
            return Results.NotFound(new { error = "no such dataset" });
        // An AudioSet client may send only the labels: that is the "heard_labels" answer.
        var answer = body.Answer is null && body.Labels is not null ? VisitorAnswer.HeardLabels : VisitorAnswers.TryParse(body.Answer);
        if (answer is null)
            return Results.BadRequest(new { error = "answer is given, guessed, both, neither, neutral, off_topic, positive, negative or heard_labels (with labels)" });
        var outcome = await votes.VoteAsync(dataset, index, body.BrowserId, new VisitorBallot(answer.Value, body.Labels), cancellationToken);
        if (outcome.Tally is not { } tally)
            return Results.BadRequest(new { error = outcome.Error });
        return Results.Ok(new
        {
            answer = VisitorAnswers.Name(answer.Value),
            tally = new
            {
                given = tally.Given, guessed = tally.Guessed, both = tally.Both, neither = tally.Neither, neutral = tally.Neutral, off_topic = tally.OffTopic,
                positive = tally.Positive, negative = tally.Negative, total = tally.Total,
                labels = tally.LabelVotesJson is null ? null : AudioLabelVotes.Parse(tally.LabelVotesJson),
            },
            disputed = tally.IsDisputed,
        });
    }

    public sealed record ReportBody([property: JsonPropertyName("browser_id")] string BrowserId, [property: JsonPropertyName("note")] string Note);

    private static async Task<IResult> ReportAsync(string slug, long index, ReportBody body, DatasetLookup datasets, VisitorVoteService votes, CancellationToken cancellationToken)
    {
        if (await datasets.FindAsync(slug, cancellationToken) is not { } dataset)
            return Results.NotFound(new { error = "no such dataset" });
        var error = await votes.ReportAsync(dataset, index, body.BrowserId, body.Note ?? "", cancellationToken);
        return error is null ? Results.Ok(new { reported = true }) : Results.BadRequest(new { error });
    }

    private static Task<UploadLookup?> OwnedAsync(string token, HttpRequest request, ReviewAccess access, CancellationToken cancellationToken) =>
        access.WritableAsync(token, request.Headers[UploadEndpoints.OwnerKeyHeader].ToString(), cancellationToken);

    private static IResult OwnerKeyRefused() =>
        Results.Json(new { error = "an analysed upload with this link and the owner key in X-Owner-Key is needed" }, statusCode: StatusCodes.Status403Forbidden);

    private static Task WriteErrorAsync(HttpContext context, int status, string error)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new { error });
    }
}
