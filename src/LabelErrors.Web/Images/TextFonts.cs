using SkiaSharp;

namespace LabelErrors.Web.Images;

/// <summary>
/// Typefaces for text on placeholders and cards. The Linux Skia build used here has no fontconfig, so fonts are
/// loaded from the usual Debian paths (fonts-liberation, fonts-dejavu); without them the images carry no text.
/// </summary>
public static class TextFonts
{
    private static readonly Lazy<SKTypeface?> RegularFace = new(() => Load(
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"));

    private static readonly Lazy<SKTypeface?> BoldFace = new(() => Load(
        "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf") ?? RegularFace.Value);

    public static SKTypeface? Regular => RegularFace.Value;
    public static SKTypeface? Bold => BoldFace.Value;

    private static SKTypeface? Load(params string[] paths) =>
        paths.Where(File.Exists).Select(p => SKTypeface.FromFile(p)).FirstOrDefault(t => t is not null);
}
