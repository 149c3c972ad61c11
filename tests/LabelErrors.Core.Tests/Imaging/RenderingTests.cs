using LabelErrors.Core.Imaging;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace LabelErrors.Core.Tests.Imaging;

public sealed class RenderingTests
{
    [Fact]
    public void Tiny_images_are_scaled_with_nearest_neighbour_so_pixels_stay_crisp()
    {
        using var checker = new Image<L8>(28, 28);
        for (var y = 0; y < 28; y++)
            for (var x = 0; x < 28; x++)
                checker[x, y] = new L8((byte)((x + y) % 2 == 0 ? 255 : 0));

        using var thumb = (Image<L8>)Thumbnail.Render(checker, 256);

        Assert.Equal((256, 256), (thumb.Width, thumb.Height));
        var values = new HashSet<byte>();
        for (var y = 0; y < 256; y++)
            for (var x = 0; x < 256; x++)
                values.Add(thumb[x, y].PackedValue);
        Assert.Equal(new byte[] { 0, 255 }, values.Order().ToArray());   // no blended greys
    }

    [Fact]
    public void Photos_keep_their_aspect_and_are_smoothed()
    {
        using var photo = new Image<Rgb24>(300, 150);
        for (var x = 0; x < 300; x++)
            for (var y = 0; y < 150; y++)
                photo[x, y] = x < 150 ? new Rgb24(0, 0, 0) : new Rgb24(255, 255, 255);

        using var thumb = Thumbnail.Render(photo, 128).CloneAs<Rgb24>();

        Assert.Equal((128, 64), (thumb.Width, thumb.Height));
        var edge = thumb[64, 32].R;
        Assert.InRange(edge, 1, 254); // the resampler blends across the edge
    }

    [Fact]
    public void The_og_card_is_1200_by_630_with_the_example_centred_and_the_band_coloured()
    {
        using var example = new Image<Rgb24>(32, 32, new Rgb24(250, 200, 0));
        example[0, 0] = new Rgb24(0, 0, 255);

        using var card = OgCard.Render(example, ConsensusColours.Correctable);
        TestImages.SaveForReview(card, "og-synthetic");

        Assert.Equal((1200, 630), (card.Width, card.Height));
        var area = OgCard.ImageArea;
        Assert.Equal(new Rgb24(250, 200, 0), card[600, area.Y + area.Height / 2]); // centre of the image area
        var topLeft = ((1200 - OgCard.ImageBox) / 2, area.Y + (area.Height - OgCard.ImageBox) / 2);
        Assert.Equal(new Rgb24(0, 0, 255), card[topLeft.Item1 + 3, topLeft.Item2 + 3]); // the example's own corner pixel
        Assert.Equal(ConsensusColours.Correctable, card[20, 620]);
        Assert.Equal(OgCard.FrameColour, card[topLeft.Item1 - 4, topLeft.Item2 + 100]);
        Assert.NotEqual(card[5, 5], card[5, 500]); // a gradient, not a flat fill
    }

    [Fact]
    public void The_cover_places_tiles_row_by_row_and_leaves_empty_cells_blank()
    {
        var colours = new[] { new Rgb24(255, 0, 0), new Rgb24(0, 255, 0), new Rgb24(0, 0, 255), new Rgb24(9, 9, 9), new Rgb24(1, 2, 3), new Rgb24(200, 100, 50) };
        var tiles = colours.Select(c => (Image)new Image<Rgb24>(32, 32, c)).ToList();
        var background = new Rgb24(240, 240, 240);

        using var cover = CoverMosaic.Render(tiles, background);

        Assert.Equal((CoverMosaic.Width, CoverMosaic.Height), (cover.Width, cover.Height));
        int Centre(int column) => CoverMosaic.Gap + column * (CoverMosaic.Tile + CoverMosaic.Gap) + CoverMosaic.Tile / 2;
        Assert.Equal(colours[0], cover[Centre(0), Centre(0)]);
        Assert.Equal(colours[4], cover[Centre(4), Centre(0)]);
        Assert.Equal(colours[5], cover[Centre(0), Centre(1)]);
        Assert.Equal(background, cover[Centre(1), Centre(1)]);
        Assert.Equal(background, cover[1, 1]);
        foreach (var tile in tiles) tile.Dispose();
    }

    [Fact]
    public void Png_encoding_keeps_grey_images_grey_and_round_trips()
    {
        using var grey = new Image<L8>(4, 4, new L8(77));
        var png = PngBytes.Encode(grey);
        using var back = Image.Load<L8>(png);
        Assert.Equal(77, back[3, 3].PackedValue);
        Assert.Equal(0x89, png[0]);
    }
}
