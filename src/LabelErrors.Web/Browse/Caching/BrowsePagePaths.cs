using LabelErrors.Core.Study;

namespace LabelErrors.Web.Browse.Caching;

/// <summary>
/// Which paths are public browse pages whose HTML is the same for every visitor: the home page and the gallery and
/// permalinks of the study's ten datasets. Uploaded datasets change while their analysis runs, and upload and review
/// pages are per owner, so they are never cached.
/// </summary>
public static class BrowsePagePaths
{
    private static readonly HashSet<string> StudySlugs = StudyCatalogue.All.Select(d => d.Slug).ToHashSet(StringComparer.Ordinal);

    /// <summary>True for a cacheable page; <paramref name="slug"/> is its dataset, null for the home page.</summary>
    public static bool IsCacheable(string path, out string? slug)
    {
        slug = null;
        if (path == "/")
            return true;
        var parts = path.Split('/');
        // "/d/{slug}" splits into ["", "d", slug]; "/d/{slug}/{id}" into ["", "d", slug, id].
        if (parts.Length is not (3 or 4) || parts[0] != "" || parts[1] != "d" || !StudySlugs.Contains(parts[2]))
            return false;
        if (parts.Length == 4 && !IsStudyIndex(parts[3]))
            return false;
        slug = parts[2];
        return true;
    }

    public static string AllPagesTag => "browse";

    public static string DatasetTag(string slug) => $"browse:{slug}";

    private static bool IsStudyIndex(string segment) => segment.Length is > 0 and <= 19 && segment.All(char.IsAsciiDigit);
}
