using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace LabelErrors.Web.Api.Problems;

/// <summary>
/// An RFC 9457 problem (<c>application/problem+json</c>) written by the app's <see cref="IProblemDetailsService"/>, so
/// every API error passes the same customisation. Each subclass has one status and declares it to OpenAPI, which is
/// how a handler's <c>Results&lt;…&gt;</c> union documents its errors from the types alone.
/// </summary>
public abstract class ApiProblem(ProblemDetails problem)
    : IResult, IStatusCodeHttpResult, IContentTypeHttpResult, IValueHttpResult, IValueHttpResult<ProblemDetails>
{
    /// <summary>The extension member naming the request parameter, form field or JSON property at fault.</summary>
    public const string FieldMember = "field";

    public const string MediaType = "application/problem+json";

    public ProblemDetails ProblemDetails { get; } = problem;

    public int? StatusCode => ProblemDetails.Status;

    public string ContentType => MediaType;

    object? IValueHttpResult.Value => ProblemDetails;

    ProblemDetails? IValueHttpResult<ProblemDetails>.Value => ProblemDetails;

    public Task ExecuteAsync(HttpContext httpContext) => TypedResults.Problem(ProblemDetails).ExecuteAsync(httpContext);

    protected static ProblemDetails Details(int status, string title, string detail, string? field)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        if (!string.IsNullOrEmpty(field))
            problem.Extensions[FieldMember] = field;
        return problem;
    }

    protected static void Declare(EndpointBuilder builder, int status) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), [MediaType]));
}
