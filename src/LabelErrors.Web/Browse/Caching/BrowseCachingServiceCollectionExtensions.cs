using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace LabelErrors.Web.Browse.Caching;

public static class BrowseCachingServiceCollectionExtensions
{
    /// <summary>
    /// Output caching of the public browse pages plus the in-memory dataset data they share. Call after
    /// <c>AddRazorComponents</c>: it wraps the antiforgery service that call registers.
    /// </summary>
    public static IServiceCollection AddLabelErrorsBrowseCaching(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BrowseCacheOptions>()
            .Bind(configuration.GetSection(BrowseCacheOptions.Section))
            .Validate(o => o.PageSeconds is >= 0 and <= 240, $"{BrowseCacheOptions.Section}:PageSeconds must be 0 to 240 (prerendered Blazor markers expire after 5 minutes)")
            .Validate(o => o.LookupSeconds >= 0, $"{BrowseCacheOptions.Section}:LookupSeconds must be 0 or more")
            .ValidateOnStart();
        services.AddMemoryCache();
        services.AddHttpContextAccessor();
        services.AddSingleton<BrowseDataChanges>();
        services.AddSingleton<BrowsePageCache>();
        services.AddSingleton<BrowseCacheBroadcast>();
        services.AddSingleton<BrowseCacheListener>();
        services.AddHostedService(sp => sp.GetRequiredService<BrowseCacheListener>());
        services.AddSingleton<BrowsePageCachePolicy>();
        services.AddOutputCache(options =>
        {
            // "/d/MNIST" is a 404 while "/d/mnist" is a page: the path's case must be part of the key.
            options.UseCaseSensitivePaths = true;
            options.AddPolicy(BrowsePageCachePolicy.Name, policy => policy.AddPolicy<BrowsePageCachePolicy>(), excludeDefaultPolicy: true);
        });

        var framework = services.LastOrDefault(d => d.ServiceType == typeof(IAntiforgery) && !d.IsKeyedService)
            ?? throw new InvalidOperationException("AddLabelErrorsBrowseCaching must be called after AddRazorComponents");
        services.Remove(framework);
        services.AddSingleton<IAntiforgery>(sp => new SharedRenderAntiforgery(Create(sp, framework), sp.GetRequiredService<IOptions<AntiforgeryOptions>>()));
        return services;
    }

    private static IAntiforgery Create(IServiceProvider services, ServiceDescriptor descriptor) =>
        (IAntiforgery)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));
}
