using LabelErrors.Data;
using LabelErrors.Data.Entities;
using LabelErrors.Web.Jobs;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;

namespace LabelErrors.Web.Uploads;

/// <summary>
/// <c>/api/v1/uploads</c>: POST a multipart upload (202 with the job's URL and the share link), follow the job, cancel
/// it, download the issues CSV and the fixed labels, fetch uploaded images, delete with the owner key.
/// </summary>
public static class UploadEndpoints
{
    public const string RateLimitPolicy = "uploads";
    public const string OwnerKeyHeader = "X-Owner-Key";

    public static IEndpointRouteBuilder MapUploadEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/uploads").DisableAntiforgery();
        group.MapPost("", PostAsync).RequireRateLimiting(RateLimitPolicy);
        group.MapGet("/{token}/job", GetJobAsync);
        group.MapPost("/{token}/cancel", CancelAsync);
        group.MapDelete("/{token}", DeleteAsync);
        group.MapGet("/{token}/issues.csv", IssuesCsvAsync);
        group.MapGet("/{token}/labels-fixed.csv", FixedLabelsAsync);
        group.MapGet("/{token}/content/{index:long}", ContentAsync);
        return app;
    }

    private static async Task<IResult> PostAsync(HttpContext context, UploadService uploads, CancellationToken cancellationToken)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = uploads.Storage.Limits.MaxRequestBytes;
        var staging = uploads.Storage.CreateStagingFolder();
        try
        {
            var (files, request) = await MultipartUploadReader.ReadAsync(context.Request, uploads.Storage, staging, cancellationToken);
            var created = await uploads.CreateAsync(staging, files, request, ClientKeys.Of(context), cancellationToken);
            return Results.Json(new
            {
                token = created.ShareToken,
                job_url = created.JobUrl,
                share_url = created.ShareUrl,
                owner_key = created.OwnerKey,
                warnings = created.Warnings,
            }, statusCode: StatusCodes.Status202Accepted);
        }
        catch (UploadRejectedException e)
        {
            uploads.Storage.DeleteFolder(staging);
            return Results.Json(new { error = e.Message, field = e.Field }, statusCode: e.StatusCode);
        }
        catch (BadHttpRequestException e)
        {
            uploads.Storage.DeleteFolder(staging);
            return Results.Json(new { error = e.Message, field = "" }, statusCode: e.StatusCode);
        }
        catch
        {
            uploads.Storage.DeleteFolder(staging);
            throw;
        }
    }

    private static async Task<IResult> GetJobAsync(string token, UploadQueries queries, CancellationToken cancellationToken)
    {
        var upload = await queries.FindAsync(token, cancellationToken);
        if (upload?.Job is not { } job)
            return Results.NotFound(new { error = "no upload with this link" });
        return Results.Json(new
        {
            id = job.Id,
            state = job.State.ToString().ToLowerInvariant(),
            stage = job.Stage,
            percent = job.Percent,
            attempts = job.Attempts,
            error = job.Error,
            created_at = job.CreatedAt,
            started_at = job.StartedAt,
            finished_at = job.FinishedAt,
            share_url = UploadUrls.Share(token),
            issues_csv = job.State == AnalysisJobState.Succeeded ? UploadUrls.IssuesCsv(token) : null,
        });
    }

    private static async Task<IResult> CancelAsync(string token, UploadQueries queries, AnalysisJobQueue queue, CancellationToken cancellationToken)
    {
        var upload = await queries.FindAsync(token, cancellationToken);
        if (upload?.Job is not { } job)
            return Results.NotFound(new { error = "no upload with this link" });
        return await queue.CancelAsync(job.Id, cancellationToken)
            ? Results.Ok(new { state = "cancelled" })
            : Results.Conflict(new { error = $"the job is already {job.State.ToString().ToLowerInvariant()}" });
    }

    private static async Task<IResult> DeleteAsync(string token, HttpRequest request, UploadQueries queries, CancellationToken cancellationToken)
    {
        var ownerKey = request.Headers[OwnerKeyHeader].ToString();
        return await queries.DeleteAsync(token, ownerKey, cancellationToken) switch
        {
            DeleteOutcome.Deleted => Results.NoContent(),
            DeleteOutcome.WrongKey => Results.Json(new { error = "the owner key does not match" }, statusCode: StatusCodes.Status403Forbidden),
            _ => Results.NotFound(new { error = "no upload with this link" }),
        };
    }

    private static async Task IssuesCsvAsync(string token, HttpContext context, UploadQueries queries, CancellationToken cancellationToken)
    {
        var upload = await queries.FindAsync(token, cancellationToken);
        if (upload is null || upload.Job?.State != AnalysisJobState.Succeeded)
        {
            await WriteNotReadyAsync(context, upload);
            return;
        }
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{upload.Dataset.Slug}-issues.csv\"";
        await using var writer = new StreamWriter(context.Response.Body, new System.Text.UTF8Encoding(false));
        await queries.WriteIssuesCsvAsync(upload.Dataset, writer, cancellationToken);
    }

    private static async Task FixedLabelsAsync(string token, HttpContext context, UploadQueries queries, CancellationToken cancellationToken)
    {
        var upload = await queries.FindAsync(token, cancellationToken);
        if (upload is null || upload.Job?.State != AnalysisJobState.Succeeded)
        {
            await WriteNotReadyAsync(context, upload);
            return;
        }
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{upload.Dataset.Slug}-labels-fixed.csv\"";
        await using var writer = new StreamWriter(context.Response.Body, new System.Text.UTF8Encoding(false));
        await queries.WriteFixedLabelsCsvAsync(upload.Dataset, writer, cancellationToken);
    }

    private static async Task<IResult> ContentAsync(string token, long index, UploadQueries queries, UploadStorage storage, CancellationToken cancellationToken)
    {
        var upload = await queries.FindAsync(token, cancellationToken);
        if (upload?.Dataset.Upload is not { Content: UploadContentKind.Images } info)
            return Results.NotFound();
        var folder = storage.ContentFolder(info.StoragePath);
        foreach (var extension in ZipContentValidator.ImageExtensions)
        {
            var path = Path.Combine(folder, index.ToString(System.Globalization.CultureInfo.InvariantCulture) + extension);
            if (File.Exists(path))
                return Results.File(path, ContentTypes.Of(path), enableRangeProcessing: false);
        }
        return Results.NotFound();
    }

    private static Task WriteNotReadyAsync(HttpContext context, UploadLookup? upload)
    {
        if (upload is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return context.Response.WriteAsJsonAsync(new { error = "no upload with this link" });
        }
        context.Response.StatusCode = StatusCodes.Status409Conflict;
        return context.Response.WriteAsJsonAsync(new { error = $"the analysis is {upload.Job?.State.ToString().ToLowerInvariant() ?? "missing"}; results exist once it succeeded" });
    }
}
