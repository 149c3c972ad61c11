using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace LabelErrors.Web.Api.Problems;

// The API's problem statuses, one typed result each (see ApiProblem): 400, 403, 404, 409, 413, 415, 422, 429.

public sealed class BadRequestProblem(string title, string detail, string? field = null)
    : ApiProblem(Details(StatusCodes.Status400BadRequest, title, detail, field)), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, StatusCodes.Status400BadRequest);
}

public sealed class ForbiddenProblem(string title, string detail, string? field = null)
    : ApiProblem(Details(StatusCodes.Status403Forbidden, title, detail, field)), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, StatusCodes.Status403Forbidden);
}

public sealed class NotFoundProblem(string title, string detail, string? field = null)
    : ApiProblem(Details(StatusCodes.Status404NotFound, title, detail, field)), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, StatusCodes.Status404NotFound);
}

public sealed class ConflictProblem(string title, string detail, string? field = null)
    : ApiProblem(Details(StatusCodes.Status409Conflict, title, detail, field)), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, StatusCodes.Status409Conflict);
}

public sealed class TooLargeProblem(string title, string detail, string? field = null)
    : ApiProblem(Details(StatusCodes.Status413PayloadTooLarge, title, detail, field)), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, StatusCodes.Status413PayloadTooLarge);
}

public sealed class UnsupportedMediaTypeProblem(string title, string detail, string? field = null)
    : ApiProblem(Details(StatusCodes.Status415UnsupportedMediaType, title, detail, field)), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, StatusCodes.Status415UnsupportedMediaType);
}

public sealed class UnprocessableProblem(string title, string detail, string? field = null)
    : ApiProblem(Details(StatusCodes.Status422UnprocessableEntity, title, detail, field)), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, StatusCodes.Status422UnprocessableEntity);
}

public sealed class TooManyRequestsProblem(string title, string detail, string? field = null)
    : ApiProblem(Details(StatusCodes.Status429TooManyRequests, title, detail, field)), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, StatusCodes.Status429TooManyRequests);
}
