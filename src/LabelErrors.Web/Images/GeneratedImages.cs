using LabelErrors.Core.Imaging;
using LabelErrors.Data.Entities;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SkiaSharp;

namespace LabelErrors.Web.Images;

/// <summary>Pictures made when there are no pixels: the placeholder of a missing image, and covers of sets without images.</summary>
public static class GeneratedImages
{
    private static readonly SKColor PlaceholderBackground = new(0xec, 0xef, 0xf1);
    private static readonly SKColor PlaceholderStripe = new(0xe0, 0xe4, 0xe8);
    private static readonly SKColor Ink = new(0x37, 0x47, 0x4f);
    private static readonly SKColor Muted = new(0x60, 0x7d, 0x8b);

    /// <summary>A square placeholder: hatched background, the class names, and "image not bundled".</summary>
    public static Image<Rgb24> Placeholder(int size, string? givenClass, string? guessedClass)
    {
        return SkiaPainter.Paint(size, size, PlaceholderBackground, canvas =>
        {
            using (var stripe = new SKPaint { Color = PlaceholderStripe, StrokeWidth = Math.Max(2, size / 24f), IsAntialias = true })
                for (var d = -size; d < size; d += Math.Max(8, size / 8))
                    canvas.DrawLine(d, size, d + size, 0, stripe);

            // A simple "picture" glyph so the placeholder reads as a missing image even without fonts.
            var icon = size * 0.22f;
            var cx = size / 2f;
            var top = size * 0.16f;
            using (var frame = new SKPaint { Color = Muted, Style = SKPaintStyle.Stroke, StrokeWidth = Math.Max(1.5f, size / 64f), IsAntialias = true })
            {
                canvas.DrawRoundRect(cx - icon, top, icon * 2, icon * 1.5f, icon * 0.12f, icon * 0.12f, frame);
                SKPoint[] mountains =
                [
                    new(cx - icon * 0.8f, top + icon * 1.3f), new(cx - icon * 0.2f, top + icon * 0.6f), new(cx + icon * 0.2f, top + icon * 1.0f),
                    new(cx + icon * 0.45f, top + icon * 0.75f), new(cx + icon * 0.8f, top + icon * 1.3f),
                ];
                canvas.DrawPoints(SKPointMode.Polygon, mountains, frame);
            }

            var width = size * 0.9f;
            var line = size / 9f;
            var y = top + icon * 1.5f + line * 1.3f;
            if (givenClass is not null)
            {
                SkiaPainter.Text(canvas, givenClass, cx, y, line, Ink, width, bold: true, align: SKTextAlign.Center);
                y += line * 1.1f;
            }
            if (guessedClass is not null && size >= 128)
            {
                SkiaPainter.Text(canvas, "or " + guessedClass + "?", cx, y, line * 0.8f, Muted, width, align: SKTextAlign.Center);
                y += line * 1.0f;
            }
            SkiaPainter.Text(canvas, size >= 128 ? "image not bundled" : "not bundled", cx, size - line * 0.6f, line * 0.7f, Muted, width, align: SKTextAlign.Center);
        });
    }

    /// <summary>
    /// A cover for a set without pixels (texts, audio, or images not available here): the dataset's name over a
    /// pattern of its modality, and a few of its class names.
    /// </summary>
    public static Image<Rgb24> Cover(string datasetName, Modality modality, IReadOnlyList<string> classNames, int validatedErrors)
    {
        var (background, accent) = modality switch
        {
            Modality.Text => (new SKColor(0x1f, 0x3a, 0x5f), new SKColor(0x4f, 0x7c, 0xac)),
            Modality.Audio => (new SKColor(0x3b, 0x1f, 0x5f), new SKColor(0x8e, 0x6c, 0xc4)),
            _ => (new SKColor(0x26, 0x32, 0x38), new SKColor(0x54, 0x6e, 0x7a)),
        };
        int width = CoverMosaic.Width, height = CoverMosaic.Height;
        return SkiaPainter.Paint(width, height, background, canvas =>
        {
            using var paint = new SKPaint { Color = accent.WithAlpha(110), IsAntialias = true, StrokeCap = SKStrokeCap.Round };
            var random = new Random(datasetName.Aggregate(17, (h, c) => h * 31 + c)); // same picture every time
            if (modality == Modality.Audio)
            {
                paint.StrokeWidth = 6;
                for (var x = 16; x < width - 16; x += 12)
                {
                    var amplitude = (float)(random.NextDouble() * 0.35 + 0.05) * height;
                    canvas.DrawLine(x, height / 2f - amplitude, x, height / 2f + amplitude, paint);
                }
            }
            else
            {
                // Lines of "text" of random lengths, like a page seen from afar.
                paint.StrokeWidth = 10;
                for (var y = 30; y < height - 20; y += 26)
                {
                    var x = 24f;
                    while (x < width - 60)
                    {
                        var word = (float)(random.NextDouble() * 70 + 20);
                        canvas.DrawLine(x, y, Math.Min(x + word, width - 24), y, paint);
                        x += word + 16;
                    }
                }
            }
            using (var shade = new SKPaint { Color = background.WithAlpha(215) })
                canvas.DrawRect(0, height * 0.28f, width, height * 0.5f, shade);
            SkiaPainter.Text(canvas, datasetName, width / 2f, height * 0.5f, 54, SKColors.White, width - 60, bold: true, align: SKTextAlign.Center);
            var subtitle = validatedErrors > 0 ? $"{validatedErrors:N0} validated label errors" : string.Join(" · ", classNames.Take(4));
            SkiaPainter.Text(canvas, subtitle, width / 2f, height * 0.5f + 50, 26, new SKColor(0xcf, 0xd8, 0xdc), width - 60, align: SKTextAlign.Center);
        });
    }
}
