namespace LabelErrors.Web.Images;

/// <summary>
/// The image URLs the UI and the API link to. <see cref="Version"/> changes whenever rendering changes, so a
/// URL carrying it (<c>?v=</c>) may be cached forever.
/// </summary>
public static class ImageUrls
{
    /// <summary>Bump when the pixels produced for the same content change (resampler, layout, colours).</summary>
    public const string Version = "1";

    public static string Example(string dataset, long id, int size = 256) => $"/img/{dataset}/{id}.png?size={size}&v={Version}";
    public static string Cover(string dataset) => $"/img/{dataset}/cover.png";
    public static string OgCard(string dataset, long id) => $"/og/{dataset}/{id}.png?v={Version}";
}
