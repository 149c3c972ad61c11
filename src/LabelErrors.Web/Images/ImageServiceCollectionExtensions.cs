using LabelErrors.Core.Imaging;

namespace LabelErrors.Web.Images;

public static class ImageServiceCollectionExtensions
{
    /// <summary>The image endpoint's services: content options, sources, safe decoder, caches, remote fallback.</summary>
    public static IServiceCollection AddLabelErrorsImages(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ContentOptions>()
            .Bind(configuration.GetSection(ContentOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddMemoryCache();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new SafeImageDecoder(ImageDecodeLimits.Default));
        services.AddSingleton<PixelSourceRegistry>();
        services.AddSingleton<RenderedImageCache>();
        services.AddSingleton<RemoteContentFetcher>();
        services.AddSingleton<MissingContentLog>();
        services.AddSingleton<ImageCatalogue>();
        services.AddSingleton<ImageRenderService>();
        return services;
    }
}
