using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace LabelErrors.Web.Api;

/// <summary>
/// A response whose strong ETag is a hash of its bytes: the same data gives the same tag, so clients revalidate with
/// If-None-Match and get 304 without the body.
/// </summary>
public sealed class ETaggedResult(byte[] body, string contentType, string? downloadName = null) : IResult, IEndpointMetadataProvider
{
    public byte[] Body { get; } = body;
    public string ETag { get; } = $"\"{Convert.ToHexStringLower(SHA256.HashData(body))[..32]}\"";

    /// <summary>Serializes <paramref name="value"/> with the app's JSON settings and tags the bytes.</summary>
    public static ETaggedJson<T> Json<T>(HttpContext context, T value)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<HttpJsonOptions>>().Value.SerializerOptions;
        return new ETaggedJson<T>(new ETaggedResult(JsonSerializer.SerializeToUtf8Bytes(value, options), "application/json; charset=utf-8"));
    }

    /// <summary>Declares the 304 to OpenAPI; the 200's media types are the endpoint's own (CSV, JSON, .npy…).</summary>
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status304NotModified));

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.Headers.ETag = ETag;
        response.Headers.CacheControl = "no-cache";
        if (Matches(httpContext.Request.Headers.IfNoneMatch))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        response.ContentType = contentType;
        if (downloadName is not null)
            response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = downloadName, FileName = downloadName }.ToString();
        response.ContentLength = Body.Length;
        await response.Body.WriteAsync(Body, httpContext.RequestAborted);
    }

    private bool Matches(Microsoft.Extensions.Primitives.StringValues ifNoneMatch)
    {
        foreach (var header in ifNoneMatch)
        {
            foreach (var tag in (header ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                // Weak comparison, as RFC 9110 prescribes for If-None-Match.
                if (tag == "*" || (tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag) == ETag)
                    return true;
            }
        }
        return false;
    }
}
