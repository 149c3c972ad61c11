using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace LabelErrors.Web.Api.Naming;

/// <summary>
/// The API's JSON is camelCase everywhere. Until the next release, the upload, review and vote endpoints, which
/// answered snake_case before, still answer their old names to a client that asks the old way: <c>?naming=snake_case</c>
/// on the request, or a JSON body with an old property name (<c>browser_id</c>). Such an answer carries a
/// <c>Deprecation</c> header (RFC 9745) and a <c>Link</c> to the API reference; problem details then also carry the old
/// <c>error</c> member beside <c>detail</c>.
/// </summary>
public static class LegacyNaming
{
    public const string QueryKey = "naming";
    public const string QueryValue = "snake_case";
    public const string DocsUrl = "/scalar/v1";

    /// <summary>The day the snake_case names were deprecated (this release), as RFC 9745 writes it: <c>@</c>unix seconds.</summary>
    public static readonly DateTimeOffset DeprecatedSince = new(2026, 12, 7, 0, 0, 0, TimeSpan.Zero);

    public static string DeprecationHeaderValue { get; } = "@" + DeprecatedSince.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    public static string LinkHeaderValue { get; } = $"<{DocsUrl}>; rel=\"deprecation\"; type=\"text/html\"";

    /// <summary>Serializes an answer with the old names: snake_case, or <see cref="LegacyJsonNameAttribute"/> where given.</summary>
    public static JsonSerializerOptions SerializerOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { ApplyLegacyNames } },
    };

    private static readonly object ItemKey = new();

    /// <summary>Whether this request is answered the old way (set by <see cref="LegacyNamingFilter"/>).</summary>
    public static bool IsRequested(HttpContext context) => context.Items.ContainsKey(ItemKey);

    internal static void Request(HttpContext context)
    {
        context.Items[ItemKey] = true;
        context.Response.Headers["Deprecation"] = DeprecationHeaderValue;
        context.Response.Headers.Link = LinkHeaderValue;
    }

    internal static bool AskedInQuery(HttpRequest request) =>
        string.Equals(request.Query[QueryKey].ToString(), QueryValue, StringComparison.OrdinalIgnoreCase);

    private static void ApplyLegacyNames(JsonTypeInfo type)
    {
        foreach (var property in type.Properties)
        {
            if (property.AttributeProvider?.GetCustomAttributes(typeof(LegacyJsonNameAttribute), inherit: true) is [LegacyJsonNameAttribute legacy, ..])
                property.Name = legacy.Name;
        }
    }
}
