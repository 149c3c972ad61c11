namespace LabelErrors.Web.Uploads;

/// <summary>The addresses of an upload (relative to the site).</summary>
public static class UploadUrls
{
    public static string Share(string token) => $"/u/{token}";

    public static string Job(string token) => $"/api/v1/uploads/{token}/job";

    public static string IssuesCsv(string token) => $"/api/v1/uploads/{token}/issues.csv";

    public static string FixedLabelsCsv(string token) => $"/api/v1/uploads/{token}/labels-fixed.csv";

    public static string FixedLabelsJson(string token) => $"/api/v1/uploads/{token}/labels-fixed.json";

    public static string Content(string token, long index) => $"/api/v1/uploads/{token}/content/{index}";
}
