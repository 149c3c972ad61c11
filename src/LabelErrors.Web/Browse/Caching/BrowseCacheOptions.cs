namespace LabelErrors.Web.Browse.Caching;

/// <summary>How long the public browse pages and their per-dataset constants are kept in memory.</summary>
public sealed class BrowseCacheOptions
{
    public const string Section = "BrowseCache";

    /// <summary>
    /// Lifetime of a cached page (home, gallery view, permalink); 0 turns page caching off. Kept well below the
    /// five minutes during which the Blazor component markers embedded in a prerendered page are accepted.
    /// </summary>
    public int PageSeconds { get; set; } = 60;

    /// <summary>
    /// Lifetime of a dataset's id and class names, of the dataset menu and of the study gallery's counts per view in
    /// memory: an import run by another process (the CLI) on the same database is seen after at most this long.
    /// </summary>
    public int LookupSeconds { get; set; } = 60;

    public TimeSpan PageLifetime => TimeSpan.FromSeconds(PageSeconds);
    public TimeSpan LookupLifetime => TimeSpan.FromSeconds(LookupSeconds);
}
