using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace LabelErrors.Web.Api;

/// <summary>
/// A JSON answer of type <typeparamref name="T"/> with a strong ETag (see <see cref="ETaggedResult"/>): 200 with the
/// body, or 304 to a matching If-None-Match. Declares both to OpenAPI, so the schema comes from the type.
/// </summary>
public sealed class ETaggedJson<T>(ETaggedResult tagged) : IResult, IEndpointMetadataProvider
{
    public ETaggedResult Tagged { get; } = tagged;

    public Task ExecuteAsync(HttpContext httpContext) => Tagged.ExecuteAsync(httpContext);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status304NotModified));
    }
}
