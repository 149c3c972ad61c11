using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace LabelErrors.Core.Imaging;

/// <summary>
/// The 1200 × 630 link-preview card: the example's image centred on the brand's dark background, framed, with a
/// colour band along the bottom for the Mechanical Turk consensus. Text, when there is any, comes pre-rendered.
/// </summary>
public static class OgCard
{
    public const int Width = 1200;
    public const int Height = 630;
    public const int BandHeight = 96;
    public const int HeaderHeight = 100;
    public const int ImageBox = 400;
    private const int Frame = 8;

    public static readonly Rgb24 BackgroundTop = new(0x14, 0x1b, 0x2d);
    public static readonly Rgb24 BackgroundBottom = new(0x24, 0x30, 0x4f);
    public static readonly Rgb24 FrameColour = new(0xf5, 0xf7, 0xfa);

    /// <summary>Where the example is centred: between the heading and the band.</summary>
    public static Rectangle ImageArea => new(0, HeaderHeight, Width, Height - BandHeight - HeaderHeight);

    /// <param name="example">The example's image (any size; tiny images are scaled with nearest-neighbour).</param>
    /// <param name="band">The consensus colour (see <see cref="ConsensusColours"/>).</param>
    /// <param name="bandCaption">Optional text for the band, already rasterised, at most <see cref="Width"/> × <see cref="BandHeight"/>.</param>
    /// <param name="heading">Optional text for the top-left corner, already rasterised.</param>
    public static Image<Rgb24> Render(Image example, Rgb24 band, Image? bandCaption = null, Image? heading = null)
    {
        var card = new Image<Rgb24>(RenderConfiguration.Default, Width, Height);
        PaintBackground(card, band);

        // Square examples get an ImageBox square; wide ones (a text set's cover) may use more of the width.
        using var scaled = Thumbnail.Render(example, new Size(2 * ImageBox, ImageBox));
        using var rgb = scaled.CloneAs<Rgb24>(RenderConfiguration.Default);
        var area = ImageArea;
        var x = area.X + (area.Width - rgb.Width) / 2;
        var y = area.Y + (area.Height - rgb.Height) / 2;
        using (var frame = new Image<Rgb24>(RenderConfiguration.Default, rgb.Width + 2 * Frame, rgb.Height + 2 * Frame, FrameColour))
            card.Mutate(c => c.DrawImage(frame, new Point(x - Frame, y - Frame), 1f));
        card.Mutate(c => c.DrawImage(rgb, new Point(x, y), 1f));

        if (bandCaption is not null)
            card.Mutate(c => c.DrawImage(bandCaption, new Point(40, Height - BandHeight + (BandHeight - bandCaption.Height) / 2), 1f));
        if (heading is not null)
            card.Mutate(c => c.DrawImage(heading, new Point(40, (HeaderHeight - heading.Height) / 2), 1f));
        return card;
    }

    private static void PaintBackground(Image<Rgb24> card, Rgb24 band)
    {
        var bandTop = Height - BandHeight;
        card.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < Height; y++)
            {
                var row = rows.GetRowSpan(y);
                Rgb24 colour;
                if (y >= bandTop)
                    colour = band;
                else
                {
                    var t = (float)y / bandTop;
                    colour = new Rgb24(Mix(BackgroundTop.R, BackgroundBottom.R, t), Mix(BackgroundTop.G, BackgroundBottom.G, t), Mix(BackgroundTop.B, BackgroundBottom.B, t));
                }
                row.Fill(colour);
            }
        });
    }

    private static byte Mix(byte a, byte b, float t) => (byte)Math.Round(a + (b - a) * t);
}
