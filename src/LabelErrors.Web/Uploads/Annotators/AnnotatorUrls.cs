namespace LabelErrors.Web.Uploads.Annotators;

/// <summary>The addresses of a multi-annotator upload's own pages and files (relative to the site).</summary>
public static class AnnotatorUrls
{
    public static string Leaderboard(string token) => $"{UploadUrls.Share(token)}/annotators";

    public static string ConsensusCsv(string token) => $"/api/v1/uploads/{token}/consensus.csv";

    public static string AnnotatorsCsv(string token) => $"/api/v1/uploads/{token}/annotators.csv";

    /// <summary>The gallery showing one annotator's labels; with <paramref name="disagreements"/> only those that differ from the consensus.</summary>
    public static string Gallery(string token, int annotator, bool disagreements = false) =>
        UploadGallery.Href(token, UploadGallery.WithScope(UploadGallery.Defaults, Data.Queries.ExampleScope.All) with
        {
            Annotator = annotator,
            AnnotatorDisagrees = disagreements,
        });
}
