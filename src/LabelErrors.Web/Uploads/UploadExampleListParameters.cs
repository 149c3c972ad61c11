using System.ComponentModel;
using LabelErrors.Data.Queries;
using LabelErrors.Web.Api;
using Microsoft.AspNetCore.Mvc;

namespace LabelErrors.Web.Uploads;

/// <summary>
/// The query keys of <c>GET /api/v1/uploads/{token}/examples</c>, declared only so OpenAPI lists them: the handler
/// reads the raw query string with the upload page's own parser (<see cref="UploadGallery.Parse"/>), so the API and
/// the page cannot drift apart.
/// </summary>
public sealed record UploadExampleListParameters(
    [property: FromQuery(Name = ExampleQuery.Keys.Scope), Description("issues (default: the flagged label issues) | outliers | all")] string? Scope,
    [property: FromQuery(Name = ExampleQuery.Keys.GivenClass), Description("Given label (class index)")] string? Given,
    [property: FromQuery(Name = ExampleQuery.Keys.SuggestedClass), Description("The model's predicted class (class index)")] string? Suggested,
    [property: FromQuery(Name = ExampleQuery.Keys.MaxLabelQuality), Description("Label quality at most this (0-1)")] string? QualityMax,
    [property: FromQuery(Name = ExampleQuery.Keys.Text), Description("Text search in the example's text (text uploads)")] string? Q,
    [property: FromQuery(Name = ExampleQuery.Keys.Sort), Description("The scope's own order by default (issues: rank, outliers: outlier score lowest first, all: label quality); or quality | index | rank | outlier")] string? Sort,
    [property: FromQuery(Name = ExampleQuery.Keys.PageSize), Description("Items per page, 1-96 (default 24)")] string? Size,
    [property: FromQuery(Name = ExampleEndpoints.CursorKey), Description("The previous page's nextCursor (or follow its next link)")] string? Cursor);
