namespace LabelErrors.Web.Uploads;

/// <summary>
/// An upload is reached only through its share link: its internal dataset slug (<c>u-</c> and the token in hex) under
/// the study's routes, <c>/d/{slug}</c> and <c>/d/{slug}/{index}</c>, redirects to <c>/u/{token}</c> and
/// <c>/u/{token}/{index}</c> (the study's pages have controls an upload lacks). The token is decoded from the slug
/// alone, without reading the database, so the answer is the same for an existing, a deleted and a never-made upload:
/// the route tells nothing the slug did not already say.
/// </summary>
public static class UploadSlugRedirects
{
    // More specific than the study pages' "/d/{Slug}" (a constrained parameter wins over a plain one), so these run first.
    private const string UploadSlug = "{slug:regex(^u-)}";

    public static IEndpointRouteBuilder MapUploadSlugRedirects(this IEndpointRouteBuilder app)
    {
        app.MapGet($"/d/{UploadSlug}", (string slug, HttpRequest request) =>
            Redirect(slug, token => UploadGallery.Href(token, UploadGallery.FromStudyView(request.QueryString.Value))));
        app.MapGet($"/d/{UploadSlug}/{{index:long}}", (string slug, long index, HttpRequest request) =>
            Redirect(slug, token => UploadGallery.ExampleHref(token, index, UploadGallery.FromStudyView(request.QueryString.Value))));
        return app;
    }

    private static IResult Redirect(string slug, Func<string, string> target) =>
        ShareTokens.TokenOfSlug(slug) is { } token ? Results.Redirect(target(token)) : Results.NotFound();
}
