using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SkiaSharp;

namespace LabelErrors.Web.Images;

/// <summary>Paints an opaque picture with Skia (text, shapes) and hands it over as an ImageSharp image.</summary>
public static class SkiaPainter
{
    public static Image<Rgb24> Paint(int width, int height, SKColor background, Action<SKCanvas> draw)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(background.WithAlpha(255));
            draw(canvas);
        }
        // Opaque pixels: premultiplied and straight alpha are the same bytes.
        using var rgba = Image.LoadPixelData<Rgba32>(bitmap.GetPixelSpan(), width, height);
        return rgba.CloneAs<Rgb24>();
    }

    /// <summary>Paints on a transparent canvas (text to lay over a gradient) and returns straight-alpha pixels.</summary>
    public static Image<Rgba32> PaintTransparent(int width, int height, Action<SKCanvas> draw)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Transparent);
            draw(canvas);
        }
        var image = Image.LoadPixelData<Rgba32>(bitmap.GetPixelSpan(), width, height);
        // Skia draws premultiplied; ImageSharp blends straight alpha.
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                foreach (ref var p in rows.GetRowSpan(y))
                {
                    if (p.A is 0 or 255)
                        continue;
                    p = new Rgba32((byte)Math.Min(255, p.R * 255 / p.A), (byte)Math.Min(255, p.G * 255 / p.A), (byte)Math.Min(255, p.B * 255 / p.A), p.A);
                }
            }
        });
        return image;
    }

    /// <summary>Draws one line of text, shrunk until it fits <paramref name="maxWidth"/>; nothing when no font is installed.</summary>
    public static void Text(SKCanvas canvas, string text, float x, float baseline, float size, SKColor colour, float maxWidth, bool bold = false, SKTextAlign align = SKTextAlign.Left)
    {
        var face = bold ? TextFonts.Bold : TextFonts.Regular;
        if (face is null || string.IsNullOrEmpty(text))
            return;
        using var font = new SKFont(face, size) { Edging = SKFontEdging.Antialias, Subpixel = true };
        while (font.Size > 8 && font.MeasureText(text) > maxWidth)
            font.Size -= 1;
        if (font.MeasureText(text) > maxWidth)
            text = Ellipsize(text, font, maxWidth);
        using var paint = new SKPaint { Color = colour, IsAntialias = true };
        canvas.DrawText(text, x, baseline, align, font, paint);
    }

    public static SKColor ToSkia(Rgb24 colour) => new(colour.R, colour.G, colour.B);

    private static string Ellipsize(string text, SKFont font, float maxWidth)
    {
        for (var length = text.Length - 1; length > 0; length--)
        {
            var candidate = text[..length].TrimEnd() + "…";
            if (font.MeasureText(candidate) <= maxWidth)
                return candidate;
        }
        return "…";
    }
}
