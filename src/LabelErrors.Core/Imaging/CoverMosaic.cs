using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace LabelErrors.Core.Imaging;

/// <summary>A dataset's cover: its validated errors laid out as a grid of square tiles.</summary>
public static class CoverMosaic
{
    public const int Columns = 5;
    public const int Rows = 3;
    public const int Tile = 128;
    public const int Gap = 4;
    public static int Width => Columns * Tile + (Columns + 1) * Gap;
    public static int Height => Rows * Tile + (Rows + 1) * Gap;

    /// <summary>
    /// Fills the grid row by row with <paramref name="tiles"/> (at most Columns × Rows are used), each scaled into a
    /// square cell and centred; cells left over keep the background.
    /// </summary>
    public static Image<Rgb24> Render(IReadOnlyList<Image> tiles, Rgb24 background)
    {
        var cover = new Image<Rgb24>(RenderConfiguration.Default, Width, Height, background);
        var count = Math.Min(tiles.Count, Columns * Rows);
        for (var i = 0; i < count; i++)
        {
            using var scaled = Thumbnail.Render(tiles[i], Tile);
            using var rgb = scaled.CloneAs<Rgb24>(RenderConfiguration.Default);
            var cellX = Gap + (i % Columns) * (Tile + Gap);
            var cellY = Gap + (i / Columns) * (Tile + Gap);
            var at = new Point(cellX + (Tile - rgb.Width) / 2, cellY + (Tile - rgb.Height) / 2);
            cover.Mutate(x => x.DrawImage(rgb, at, 1f));
        }
        return cover;
    }
}
