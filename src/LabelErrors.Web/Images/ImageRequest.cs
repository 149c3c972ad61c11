using System.Text.RegularExpressions;
using LabelErrors.Core.Imaging;

namespace LabelErrors.Web.Images;

/// <summary>Parsing of the image URLs' parts; anything malformed is a 400, never an exception.</summary>
public static partial class ImageRequest
{
    public const string CoverFile = "cover.png";

    /// <summary>Slugs of the study and of uploads: lower-case letters, digits, '-' and '_'.</summary>
    public static bool IsSlug(string dataset) => SlugPattern().IsMatch(dataset);

    /// <summary>"123.png" → 123. Ids are the study's non-negative integer indices (uploads use the same scheme).</summary>
    public static bool TryParseId(string file, out long id)
    {
        id = -1;
        var match = IdFilePattern().Match(file);
        return match.Success && long.TryParse(match.Groups[1].ValueSpan, out id);
    }

    /// <summary>Absent → the default size; otherwise exactly one of the allowed sizes.</summary>
    public static bool TryParseSize(string? raw, out int size)
    {
        size = ThumbnailSizes.Default;
        if (raw is null)
            return true;
        return int.TryParse(raw, System.Globalization.NumberStyles.None, null, out size) && ThumbnailSizes.IsAllowed(size);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^([0-9]{1,15})\\.png$")]
    private static partial Regex IdFilePattern();
}
