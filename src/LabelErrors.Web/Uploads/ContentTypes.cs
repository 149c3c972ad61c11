using Microsoft.AspNetCore.StaticFiles;

namespace LabelErrors.Web.Uploads;

/// <summary>The media type of a stored file by its extension: ASP.NET Core's own map, the one static files use.</summary>
public static class ContentTypes
{
    private static readonly FileExtensionContentTypeProvider Provider = new();

    public static string Of(string fileName) =>
        Provider.TryGetContentType(fileName, out var contentType) ? contentType : "application/octet-stream";
}
