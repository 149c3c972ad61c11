using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace LabelErrors.Web.Browse.Caching;

/// <summary>
/// Output caching of the prerendered browse pages (<see cref="BrowsePagePaths"/>) for anonymous GETs: one entry per
/// path and full query string, tagged with the page's dataset so a change to its data evicts its pages. Only 200
/// responses without cookies are stored, so a 404 stays a 404 and nothing per visitor is ever shared.
/// </summary>
public sealed class BrowsePageCachePolicy(IOptions<BrowseCacheOptions> options) : IOutputCachePolicy
{
    public const string Name = "browse-pages";

    private static readonly object MarkerKey = new();

    /// <summary>True while rendering a request whose HTML may be shared with other visitors.</summary>
    public static bool IsSharedRender(HttpContext context) => context.Items.ContainsKey(MarkerKey);

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var request = context.HttpContext.Request;
        var lifetime = options.Value.PageLifetime;
        if (lifetime <= TimeSpan.Zero
            || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || !string.IsNullOrEmpty(request.Headers.Authorization)
            || context.HttpContext.User.Identity?.IsAuthenticated == true
            || !BrowsePagePaths.IsCacheable(request.Path.Value ?? "", out var slug))
            return ValueTask.CompletedTask;

        context.EnableOutputCaching = true;
        context.AllowCacheLookup = true;
        context.AllowCacheStorage = true;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = lifetime;
        context.CacheVaryByRules.QueryKeys = "*";
        context.Tags.Add(BrowsePagePaths.AllPagesTag);
        if (slug is not null)
            context.Tags.Add(BrowsePagePaths.DatasetTag(slug));
        context.HttpContext.Items[MarkerKey] = true;
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || !string.IsNullOrEmpty(response.Headers[HeaderNames.SetCookie]))
            context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }
}
