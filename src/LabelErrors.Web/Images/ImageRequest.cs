using System.Text.RegularExpressions;
using LabelErrors.Core.Imaging;

namespace LabelErrors.Web.Images;

/// <summary>Parsing of the image URLs' parts; anything malformed is a 400, never an exception.</summary>
public static partial class ImageRequest
{
    public const string CoverFile = "cover.png";

    /// <summary>
    /// Slugs of the study (lower case) and of uploads (a base64url token): letters, digits, '-' and '_'. Anything
    /// else cannot name a dataset and is answered 404 without asking the database.
    /// </summary>
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

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^([0-9]{1,15})\\.png$")]
    private static partial Regex IdFilePattern();
}
