namespace LabelErrors.Web.Charting;

/// <summary>Which rows and columns of a large grid to draw: the classes in the largest off-diagonal cells.</summary>
public static class ConfusionCells
{
    /// <summary>Grids with more classes than this start with the top confusions only.</summary>
    public const int FullGridLimit = 30;

    /// <summary>
    /// The classes (sorted by index) that appear in the <paramref name="topCells"/> largest off-diagonal cells, so a
    /// 100+ class grid shows its main confusions legibly.
    /// </summary>
    public static IReadOnlyList<int> TopConfusedClasses(long[,] counts, int topCells)
    {
        var k = counts.GetLength(0);
        var cells = new List<(long Count, int Row, int Column)>();
        for (var r = 0; r < k; r++)
        {
            for (var c = 0; c < k; c++)
            {
                if (r != c && counts[r, c] > 0)
                    cells.Add((counts[r, c], r, c));
            }
        }
        return cells.OrderByDescending(x => x.Count).ThenBy(x => x.Row).ThenBy(x => x.Column)
            .Take(topCells)
            .SelectMany(x => new[] { x.Row, x.Column })
            .Distinct()
            .Order()
            .ToList();
    }
}
