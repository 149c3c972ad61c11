using Microsoft.Net.Http.Headers;

namespace LabelErrors.Web.Images;

/// <summary>
/// <c>/img/{dataset}/{id}.png?size=N</c>, <c>/img/{dataset}/cover.png</c> and <c>/og/{dataset}/{id}.png</c>:
/// every picture of the app, rendered on demand and cached (strong ETag, 304, immutable on versioned URLs).
/// </summary>
public static class ImageEndpoints
{
    private const string Immutable = "public, max-age=31536000, immutable";
    private const string Unversioned = "public, max-age=3600";
    private const string Provisional = "public, max-age=300";

    public static IEndpointRouteBuilder MapImageEndpoints(this IEndpointRouteBuilder app)
    {
        var images = app.MapGroup("").ExcludeFromDescription();
        images.MapGet("/img/{dataset}/{file}", ImageAsync);
        images.MapGet("/og/{dataset}/{file}", OgCardAsync);
        return app;
    }

    private static async Task<IResult> ImageAsync(string dataset, string file, HttpContext http, ImageCatalogue catalogue, ImageRenderService renderer)
    {
        var cancellationToken = http.RequestAborted;
        var isCover = file == ImageRequest.CoverFile;
        long id = -1;
        if (!isCover && !ImageRequest.TryParseId(file, out id))
            return Results.Text("The image name must be <index>.png or cover.png.", statusCode: StatusCodes.Status400BadRequest);
        if (!ImageRequest.TryParseSize(http.Request.Query["size"].FirstOrDefault(), out var size) || http.Request.Query["size"].Count > 1)
            return Results.Text("size must be one of 64, 128, 256, 512.", statusCode: StatusCodes.Status400BadRequest);

        if (!ImageRequest.IsSlug(dataset) || await catalogue.FindDatasetAsync(dataset, cancellationToken) is not { } info)
            return Results.Text($"No dataset '{dataset}'.", statusCode: StatusCodes.Status404NotFound);
        if (isCover)
            return Send(http, await renderer.CoverAsync(info, cancellationToken));
        if (!await catalogue.ExampleExistsAsync(info, id, cancellationToken))
            return Results.Text($"{info.Name} has no example {id}.", statusCode: StatusCodes.Status404NotFound);
        return Send(http, await renderer.ExampleAsync(info, id, size).WaitAsync(cancellationToken));
    }

    private static async Task<IResult> OgCardAsync(string dataset, string file, HttpContext http, ImageCatalogue catalogue, ImageRenderService renderer)
    {
        var cancellationToken = http.RequestAborted;
        if (!ImageRequest.TryParseId(file, out var id))
            return Results.Text("The card name must be <index>.png.", statusCode: StatusCodes.Status400BadRequest);
        if (!ImageRequest.IsSlug(dataset) || await catalogue.FindDatasetAsync(dataset, cancellationToken) is not { } info)
            return Results.Text($"No dataset '{dataset}'.", statusCode: StatusCodes.Status404NotFound);
        if (!await catalogue.ExampleExistsAsync(info, id, cancellationToken))
            return Results.Text($"{info.Name} has no example {id}.", statusCode: StatusCodes.Status404NotFound);
        return Send(http, await renderer.OgCardAsync(info, id).WaitAsync(cancellationToken));
    }

    private static IResult Send(HttpContext http, RenderedImage image)
    {
        var headers = http.Response.Headers;
        headers.ETag = image.ETag;
        headers.CacheControl = image.IsPlaceholder
            ? Provisional
            : http.Request.Query["v"] == ImageUrls.Version ? Immutable : Unversioned;
        headers.XContentTypeOptions = "nosniff";

        if (IfNoneMatch(http.Request, image.ETag))
            return Results.StatusCode(StatusCodes.Status304NotModified);
        return Results.Bytes(image.Png, "image/png");
    }

    private static bool IfNoneMatch(HttpRequest request, string etag)
    {
        var header = request.Headers.IfNoneMatch;
        if (header.Count == 0)
            return false;
        foreach (var value in header)
        {
            if (value is null)
                continue;
            foreach (var candidate in value.Split(','))
            {
                var trimmed = candidate.Trim();
                if (trimmed == "*" || trimmed == etag || trimmed == "W/" + etag)
                    return true;
            }
        }
        return false;
    }
}
