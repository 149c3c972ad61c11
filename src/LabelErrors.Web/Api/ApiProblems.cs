using LabelErrors.Web.Api.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LabelErrors.Web.Api;

/// <summary>
/// The API's errors as RFC 9457 problem details (application/problem+json), one place for their wording. The request
/// parameter, form field or JSON property at fault is named in the <c>field</c> extension member.
/// </summary>
public static class ApiProblems
{
    public static NotFoundProblem DatasetNotFound(string slug) => new(
        "Dataset not found", $"There is no study dataset '{slug}'. GET /api/v1/datasets lists them.", "dataset");

    public static NotFoundProblem ExampleNotFound(string slug, long index) => new(
        "Example not found", $"Dataset '{slug}' has no imported example with index {index}.", "index");

    public static NotFoundProblem UploadNotFound(string detail = "no upload with this link") => new("Upload not found", detail, "token");

    public static ValidationProblem InvalidParameter(string parameter, string message) => TypedResults.ValidationProblem(
        new Dictionary<string, string[]> { [parameter] = [message] },
        title: "Invalid request parameter",
        detail: message,
        extensions: new Dictionary<string, object?> { [ApiProblem.FieldMember] = parameter });

    public static BadRequestProblem BadRequest(string detail, string? field) => new("Invalid request", detail, field);

    public static UnprocessableProblem Unprocessable(string title, string detail, string? field = null) => new(title, detail, field);

    public static ForbiddenProblem OwnerKeyRefused(string detail) => new("Owner key refused", detail, "X-Owner-Key");

    public static ConflictProblem Conflict(string title, string detail) => new(title, detail);

    public static TooManyRequestsProblem TooManyRequests(string what, int perMinute) => new(
        "Too many requests", $"too many {what}; at most {perMinute} per minute per client; wait and retry (see Retry-After)");

    public static NotFoundProblem NoSuchEndpoint(string path) => new(
        "Not found", $"No API endpoint at {path}. The OpenAPI document is at /openapi/v1.json.");

    /// <summary>A refused upload or a malformed request body, typed by its status (413, 415, 429; 400 otherwise).</summary>
    public static ApiProblem Rejected(int status, string detail, string? field) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => new TooLargeProblem("Request too large", detail, field),
        StatusCodes.Status415UnsupportedMediaType => new UnsupportedMediaTypeProblem("Unsupported media type", detail, field),
        StatusCodes.Status429TooManyRequests => new TooManyRequestsProblem("Too many requests", detail, field),
        _ => new BadRequestProblem("Invalid request", detail, field),
    };
}
