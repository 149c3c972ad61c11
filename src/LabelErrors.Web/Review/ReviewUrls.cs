namespace LabelErrors.Web.Review;

/// <summary>The review's addresses (relative to the site).</summary>
public static class ReviewUrls
{
    public static string Page(string token) => $"/u/{token}/review";

    public static string Cleaned(string token, CleanedFormat format, ExcludedHandling excluded) =>
        $"/api/v1/uploads/{token}/cleaned?format={format.ToString().ToLowerInvariant()}&excluded={excluded.ToString().ToLowerInvariant()}";

    public static string DecisionLog(string token) => $"/api/v1/uploads/{token}/decisions.csv";
}
