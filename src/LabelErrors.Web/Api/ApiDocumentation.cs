using LabelErrors.Web.Api.Naming;

namespace LabelErrors.Web.Api;

/// <summary>The conventions every operation follows, as the OpenAPI document's description (the README says the same).</summary>
public static class ApiDocumentation
{
    public static string Description { get; } =
        "The study's datasets, examples (same filters and sort as the gallery), corrected test sets, model scoring, uploads, "
        + "their review, and visitors' votes.\n\n"
        + "**Naming.** JSON property names are camelCase in requests and answers (query keys and multipart field names are "
        + "snake_case, as in the site's URLs; the corrected-labels JSON file format keeps its own snake_case columns). "
        + "**Errors** are RFC 9457 problem details (application/problem+json); the request parameter, form field or JSON "
        + "property at fault is in the `field` member. JSON answers carry strong ETags (If-None-Match gives 304). "
        + "Each client has a per-minute request limit (429 with Retry-After beyond). HEAD is answered wherever GET is.\n\n"
        + "**Deprecated (removed in the next release).** The upload, review and vote endpoints answered snake_case before "
        + $"(job_url, share_url, owner_key, created_at, decided_at, given_label, off_topic, labels…). A client that adds "
        + $"`?{LegacyNaming.QueryKey}={LegacyNaming.QueryValue}` to the request, or sends the old `browser_id`, still gets the "
        + "old names, and problems then also carry the old `error` member; such answers have a `Deprecation` header and a "
        + $"`Link: <{LegacyNaming.DocsUrl}>; rel=\"deprecation\"`.";
}
