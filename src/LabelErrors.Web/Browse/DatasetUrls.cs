using LabelErrors.Web.Uploads;

namespace LabelErrors.Web.Browse;

/// <summary>Where a dataset's gallery lives: the study's sets under <c>/d/{slug}</c>, a listed upload at its share link.</summary>
public static class DatasetUrls
{
    // Linking an upload straight to /u/{token} spares the visitor the /d/u-… redirect.
    public static string Gallery(string slug) =>
        ShareTokens.TokenOfSlug(slug) is { } token ? UploadUrls.Share(token) : $"/d/{slug}";
}
