using LabelErrors.Data;
using LabelErrors.Data.Entities;
using LabelErrors.Web.Api;
using LabelErrors.Web.Api.Contracts;
using LabelErrors.Web.Api.Problems;
using LabelErrors.Web.Jobs;
using LabelErrors.Web.Uploads.MultiLabel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;

namespace LabelErrors.Web.Uploads;

/// <summary>
/// <c>/api/v1/uploads</c>: POST a multipart upload (202 with the job's URL and the share link), follow the job, cancel
/// it, download the issues CSV and the fixed labels, fetch uploaded images, delete with the owner key.
/// </summary>
public static class UploadEndpoints
{
    public const string OwnerKeyHeader = "X-Owner-Key";

    /// <summary>Maps onto the <c>/api/v1/uploads</c> group; <paramref name="rateLimitPolicy"/> limits the POST per client.</summary>
    public static RouteGroupBuilder MapUploadEndpoints(this RouteGroupBuilder uploads, string rateLimitPolicy)
    {
        uploads.MapPost("", PostAsync).RequireRateLimiting(rateLimitPolicy)
            .WithName("CreateUpload")
            .WithSummary("Upload labels and out-of-sample pred_probs (multipart) for confident learning; answers the job's URL and the share link")
            // Not .Accepts(multipart): routing would then answer another media type with the catch-all's 404, not a 415 problem.
            .WithDescription("multipart/form-data with the files labels, pred_probs (required), class_names, content and the fields name, "
                + "description, task (multi-class, the default, or multi-label), filter_by, rank_by, frac_noise, min_examples_per_class (as on "
                + "the upload page). multi-label labels are JSON (an array of arrays of class ids) or text (one example per line, comma-separated "
                + "class ids, an empty line = no label) and pred_probs hold each class's own probability. A refused upload is a problem "
                + "whose field member names the form field at fault.");
        uploads.MapGet("/{token}/job", GetJobAsync).WithName("GetUploadJob").WithSummary("The upload's analysis job");
        uploads.MapPost("/{token}/cancel", CancelAsync).WithName("CancelUploadJob").WithSummary("Cancel the analysis while it is queued or running");
        uploads.MapDelete("/{token}", DeleteAsync).WithName("DeleteUpload").WithSummary("Delete the upload (owner key in X-Owner-Key)");
        uploads.MapGet("/{token}/issues.csv", IssuesCsvAsync).WithName("GetUploadIssues")
            .WithSummary("The label issues, ranked: index,given_label,suggested_label,label_quality (multi-label: "
                + MultiLabelExport.IssuesHeader + ", class ids separated by ';')")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .Produces<ProblemDetails>(StatusCodes.Status404NotFound, ApiProblem.MediaType)
            .Produces<ProblemDetails>(StatusCodes.Status409Conflict, ApiProblem.MediaType);
        uploads.MapGet("/{token}/labels-fixed.csv", FixedLabelsAsync).WithName("GetUploadFixedLabels")
            .WithSummary("The labels with every issue set to its suggested label (multi-label: index,labels with the cleaned set, class ids separated by ';'; multi-annotator: " + Review.MultiAnnotator.ConsensusCleanedLabels.Header + ", the consensus with the review's decisions applied)")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .Produces<ProblemDetails>(StatusCodes.Status404NotFound, ApiProblem.MediaType)
            .Produces<ProblemDetails>(StatusCodes.Status409Conflict, ApiProblem.MediaType);
        uploads.MapGet("/{token}/labels-fixed.json", FixedLabelsJsonAsync).WithName("GetUploadFixedLabelsJson")
            .WithSummary("Multi-label uploads: the cleaned labels as a JSON array of arrays of class ids (every flagged class toggled), the upload's own labels format")
            .Produces<int[][]>(StatusCodes.Status200OK, "application/json")
            .Produces<ProblemDetails>(StatusCodes.Status404NotFound, ApiProblem.MediaType)
            .Produces<ProblemDetails>(StatusCodes.Status409Conflict, ApiProblem.MediaType);
        uploads.MapGet("/{token}/content/{index:long}", ContentAsync).WithName("GetUploadContent").WithSummary("An uploaded image");
        uploads.MapMultiLabelExampleEndpoints();
        return uploads;
    }

    private static async Task<Results<Accepted<ApiUploadAccepted>, BadRequestProblem, TooLargeProblem, UnsupportedMediaTypeProblem, TooManyRequestsProblem>> PostAsync(
        HttpContext context, UploadService uploads, CancellationToken cancellationToken)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = uploads.Storage.Limits.MaxRequestBytes;
        var staging = uploads.Storage.CreateStagingFolder();
        try
        {
            var (files, request) = await MultipartUploadReader.ReadAsync(context.Request, uploads.Storage, staging, cancellationToken);
            var created = await uploads.CreateAsync(staging, files, request, ClientKeys.Of(context), cancellationToken);
            return TypedResults.Accepted(created.JobUrl,
                new ApiUploadAccepted(created.ShareToken, created.JobUrl, created.ShareUrl, created.OwnerKey, created.Warnings));
        }
        catch (UploadRejectedException e)
        {
            uploads.Storage.DeleteFolder(staging);
            return Rejected(e.StatusCode, e.Message, e.Field);
        }
        catch (BadHttpRequestException e)
        {
            uploads.Storage.DeleteFolder(staging);
            return Rejected(e.StatusCode, e.Message, null);
        }
        catch
        {
            uploads.Storage.DeleteFolder(staging);
            throw;
        }
    }

    private static Results<Accepted<ApiUploadAccepted>, BadRequestProblem, TooLargeProblem, UnsupportedMediaTypeProblem, TooManyRequestsProblem> Rejected(
        int status, string message, string? field) => ApiProblems.Rejected(status, message, field) switch
        {
            TooLargeProblem tooLarge => tooLarge,
            UnsupportedMediaTypeProblem unsupported => unsupported,
            TooManyRequestsProblem tooMany => tooMany,
            var other => new BadRequestProblem("Upload refused", other.ProblemDetails.Detail ?? message, field),
        };

    private static async Task<Results<Ok<ApiUploadJob>, NotFoundProblem>> GetJobAsync(string token, UploadQueries queries, CancellationToken cancellationToken)
    {
        var upload = await queries.FindAsync(token, cancellationToken);
        if (upload?.Job is not { } job)
            return ApiProblems.UploadNotFound();
        return TypedResults.Ok(new ApiUploadJob(
            job.Id,
            job.State.ToString().ToLowerInvariant(),
            job.Stage,
            job.Percent,
            job.Attempts,
            job.Error,
            job.CreatedAt,
            job.StartedAt,
            job.FinishedAt,
            UploadUrls.Share(token),
            job.State == AnalysisJobState.Succeeded ? UploadUrls.IssuesCsv(token) : null));
    }

    private static async Task<Results<Ok<ApiJobCancelled>, NotFoundProblem, ConflictProblem>> CancelAsync(
        string token, UploadQueries queries, AnalysisJobQueue queue, CancellationToken cancellationToken)
    {
        var upload = await queries.FindAsync(token, cancellationToken);
        if (upload?.Job is not { } job)
            return ApiProblems.UploadNotFound();
        return await queue.CancelAsync(job.Id, cancellationToken)
            ? TypedResults.Ok(new ApiJobCancelled("cancelled"))
            : ApiProblems.Conflict("Job finished", $"the job is already {job.State.ToString().ToLowerInvariant()}");
    }

    private static async Task<Results<NoContent, ForbiddenProblem, NotFoundProblem, ConflictProblem>> DeleteAsync(
        string token, HttpRequest request, UploadQueries queries, CancellationToken cancellationToken)
    {
        var ownerKey = request.Headers[OwnerKeyHeader].ToString();
        return await queries.DeleteAsync(token, ownerKey, cancellationToken) switch
        {
            DeleteOutcome.Deleted => TypedResults.NoContent(),
            DeleteOutcome.WrongKey => ApiProblems.OwnerKeyRefused("the owner key does not match"),
            DeleteOutcome.Busy => ApiProblems.Conflict("Upload in use",
                "a long-running read of this upload's examples held them through every try; nothing was deleted; try again in a moment"),
            _ => ApiProblems.UploadNotFound(),
        };
    }

    private static Task IssuesCsvAsync(string token, HttpContext context, UploadQueries queries, MultiLabelExport multiLabel, CancellationToken cancellationToken) =>
        WriteCsvDownloadAsync(token, "issues", context, queries, (upload, writer) => upload.Dataset.Upload?.Task == UploadTask.MultiLabel
            ? multiLabel.WriteIssuesCsvAsync(upload.Dataset.Id, writer, cancellationToken)
            : queries.WriteIssuesCsvAsync(upload.Dataset, writer, cancellationToken), cancellationToken);

    private static Task FixedLabelsAsync(string token, HttpContext context, UploadQueries queries, MultiLabelExport multiLabel,
        Review.MultiAnnotator.ConsensusCleanedLabels consensus, CancellationToken cancellationToken) =>
        WriteCsvDownloadAsync(token, "labels-fixed", context, queries, (upload, writer) => upload.Dataset.Upload?.Task switch
        {
            UploadTask.MultiLabel => multiLabel.WriteCleanedCsvAsync(upload.Dataset.Id, writer, cancellationToken),
            // The consensus with the review's decisions applied, never the model's argmax (see ConsensusCleanedLabels).
            UploadTask.MultiAnnotator => consensus.WriteCsvAsync(upload.Dataset.Id, writer, cancellationToken),
            _ => queries.WriteFixedLabelsCsvAsync(upload.Dataset, writer, cancellationToken),
        }, cancellationToken);

    /// <summary>A succeeded upload's CSV download, <c>{slug}-{name}.csv</c>, written by <paramref name="write"/> for its task.</summary>
    private static async Task WriteCsvDownloadAsync(
        string token, string name, HttpContext context, UploadQueries queries, Func<UploadLookup, StreamWriter, Task> write, CancellationToken cancellationToken)
    {
        var upload = await queries.FindAsync(token, cancellationToken);
        if (upload is null || upload.Job?.State != AnalysisJobState.Succeeded)
        {
            await WriteNotReadyAsync(context, upload);
            return;
        }
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{upload.Dataset.Slug}-{name}.csv\"";
        await using var writer = new StreamWriter(context.Response.Body, new System.Text.UTF8Encoding(false));
        await write(upload, writer);
    }

    private static async Task FixedLabelsJsonAsync(string token, HttpContext context, UploadQueries queries, MultiLabelExport multiLabel, CancellationToken cancellationToken)
    {
        var upload = await queries.FindAsync(token, cancellationToken);
        if (upload is null || upload.Job?.State != AnalysisJobState.Succeeded)
        {
            await WriteNotReadyAsync(context, upload);
            return;
        }
        if (upload.Dataset.Upload?.Task != UploadTask.MultiLabel)
        {
            await new NotFoundProblem("Not a multi-label upload", "labels-fixed.json is the cleaned label sets of a multi-label upload; use labels-fixed.csv", "token")
                .ExecuteAsync(context);
            return;
        }
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{upload.Dataset.Slug}-labels-fixed.json\"";
        await multiLabel.WriteCleanedJsonAsync(upload.Dataset.Id, context.Response.Body, cancellationToken);
    }

    private static async Task<Results<PhysicalFileHttpResult, NotFoundProblem>> ContentAsync(
        string token, long index, UploadQueries queries, UploadStorage storage, CancellationToken cancellationToken)
    {
        var upload = await queries.FindAsync(token, cancellationToken);
        if (upload?.Dataset.Upload is not { Content: UploadContentKind.Images } info)
            return ApiProblems.UploadNotFound("no upload of images with this link");
        var folder = storage.ContentFolder(info.StoragePath);
        foreach (var extension in ZipContentValidator.ImageExtensions)
        {
            var path = Path.Combine(folder, index.ToString(System.Globalization.CultureInfo.InvariantCulture) + extension);
            if (File.Exists(path))
                return TypedResults.PhysicalFile(path, ContentTypes.Of(path), enableRangeProcessing: false);
        }
        return new NotFoundProblem("Image not found", $"the upload has no image for index {index}", "index");
    }

    // The CSV endpoints stream their body, so they write their problems themselves (before anything else).
    private static Task WriteNotReadyAsync(HttpContext context, UploadLookup? upload)
    {
        if (upload is null)
            return ApiProblems.UploadNotFound().ExecuteAsync(context);
        return ApiProblems.Conflict("Analysis not finished",
            $"the analysis is {upload.Job?.State.ToString().ToLowerInvariant() ?? "missing"}; results exist once it succeeded").ExecuteAsync(context);
    }
}
