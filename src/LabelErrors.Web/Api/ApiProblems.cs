namespace LabelErrors.Web.Api;

/// <summary>The API's errors as RFC 9457 problem details (application/problem+json), one place for their wording.</summary>
public static class ApiProblems
{
    public static IResult DatasetNotFound(string slug) => TypedResults.Problem(
        title: "Dataset not found",
        detail: $"There is no study dataset '{slug}'. GET /api/v1/datasets lists them.",
        statusCode: StatusCodes.Status404NotFound);

    public static IResult ExampleNotFound(string slug, long index) => TypedResults.Problem(
        title: "Example not found",
        detail: $"Dataset '{slug}' has no imported example with index {index}.",
        statusCode: StatusCodes.Status404NotFound);

    public static IResult InvalidParameter(string parameter, string message) => TypedResults.ValidationProblem(
        new Dictionary<string, string[]> { [parameter] = [message] },
        title: "Invalid request parameter",
        detail: message);

    public static IResult Unprocessable(string title, string detail) => TypedResults.Problem(
        title: title, detail: detail, statusCode: StatusCodes.Status422UnprocessableEntity);

    public static IResult TooManyRequests(int perMinute) => TypedResults.Problem(
        title: "Too many requests",
        detail: $"At most {perMinute} API requests per minute per client; wait and retry (see Retry-After).",
        statusCode: StatusCodes.Status429TooManyRequests);

    public static IResult NoSuchEndpoint(string path) => TypedResults.Problem(
        title: "Not found",
        detail: $"No API endpoint at {path}. The OpenAPI document is at /openapi/v1.json.",
        statusCode: StatusCodes.Status404NotFound);
}
