using LabelErrors.Core.Content;

namespace LabelErrors.Web.Options;

/// <summary>Where the bundled study data is: the configured folder, else the nearest wwwroot-assets above the app.</summary>
internal static class StudyAssetsLocator
{
    public static BundledAssets? Find(ImportOptions options, IHostEnvironment environment)
    {
        if (!string.IsNullOrWhiteSpace(options.AssetsRoot))
            return Directory.Exists(options.AssetsRoot) ? new BundledAssets(options.AssetsRoot) : null;
        return BundledAssets.FindFrom(AppContext.BaseDirectory) ?? BundledAssets.FindFrom(environment.ContentRootPath);
    }
}
