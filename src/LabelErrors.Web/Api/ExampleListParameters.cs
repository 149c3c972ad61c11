using System.ComponentModel;
using LabelErrors.Data.Queries;
using Microsoft.AspNetCore.Mvc;

namespace LabelErrors.Web.Api;

/// <summary>
/// The query keys of <c>GET /api/v1/datasets/{dataset}/examples</c>, declared only so OpenAPI lists and describes each
/// one: the handler reads the raw query string with the gallery's own parser (<see cref="ExampleQuery.Parse"/>), so
/// the API and the gallery cannot drift apart. A test checks that every key the parser accepts is declared here.
/// </summary>
public sealed record ExampleListParameters(
    [property: FromQuery(Name = ExampleQuery.Keys.Scope), Description("validated (default) | checked | flagged | all | issues")] string? Scope,
    [property: FromQuery(Name = ExampleQuery.Keys.AgreementOption), Description("The vote option k and the agreement sort count: guessed (default) | given | both | neither")] string? Agree,
    [property: FromQuery(Name = ExampleQuery.Keys.MinAgreement), Description("At least this many workers (0-5) chose the agree option")] string? K,
    [property: FromQuery(Name = ExampleQuery.Keys.GivenFewerThan), Description("Fewer than this many workers (1-5) chose the given label")] string? GivenLt,
    [property: FromQuery(Name = ExampleQuery.Keys.Consensus), Description("Comma list of consensus categories: correctable, multi-label, neither, non-agreement, not-an-error")] string? Consensus,
    [property: FromQuery(Name = ExampleQuery.Keys.GivenClass), Description("Given label (class index)")] string? Given,
    [property: FromQuery(Name = ExampleQuery.Keys.GuessedClass), Description("CL-guessed label (class index)")] string? Guessed,
    [property: FromQuery(Name = ExampleQuery.Keys.SuggestedClass), Description("The model's predicted class (class index)")] string? Suggested,
    [property: FromQuery(Name = ExampleQuery.Keys.MaxLabelQuality), Description("Label quality at most this (0-1); examples without one never match")] string? QualityMax,
    [property: FromQuery(Name = ExampleQuery.Keys.Text), Description("Text search in the example's text (text datasets)")] string? Q,
    [property: FromQuery(Name = ExampleQuery.Keys.Disputed), Description("1: only examples whose site visitors dispute the workers' consensus")] string? Disputed,
    [property: FromQuery(Name = ExampleQuery.Keys.Annotator), Description("Multi-annotator uploads: only examples this annotator (column index of the annotations CSV) labelled")] string? Annotator,
    [property: FromQuery(Name = ExampleQuery.Keys.AnnotatorDisagrees), Description("1, with annotator: only where that annotator's label differs from the consensus label")] string? AnnotatorDisagrees,
    [property: FromQuery(Name = ExampleQuery.Keys.MaxAnnotatorAgreement), Description("Multi-annotator uploads: annotator agreement with the consensus at most this (0-1)")] string? AgreementMax,
    [property: FromQuery(Name = ExampleQuery.Keys.Sort), Description("quality (default) | agreement | index | rank")] string? Sort,
    [property: FromQuery(Name = ExampleQuery.Keys.Page), Description("Ignored here (the API pages by cursor); accepted so a gallery URL's query string works as is")] string? Page,
    [property: FromQuery(Name = ExampleQuery.Keys.PageSize), Description("Items per page, 1-96 (default 24)")] string? Size,
    [property: FromQuery(Name = ExampleEndpoints.CursorKey), Description("The previous page's nextCursor (or follow its next link)")] string? Cursor);
