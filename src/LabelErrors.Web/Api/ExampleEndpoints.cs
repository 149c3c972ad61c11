using System.Text.Json;
using LabelErrors.Data.Json;
using LabelErrors.Data;
using LabelErrors.Data.Entities;
using LabelErrors.Data.Queries;
using LabelErrors.Web.Api.Contracts;
using LabelErrors.Web.Api.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using LabelErrors.Web.Browse;
using LabelErrors.Web.Review.Visitors;
using LabelErrors.Web.Uploads;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.EntityFrameworkCore;

namespace LabelErrors.Web.Api;

/// <summary>
/// <c>GET /api/v1/datasets/{dataset}/examples</c>: the gallery's <see cref="ExampleQuery"/> (same keys, same filters
/// and sort; parsed by the same object) with keyset pagination; and one example with votes and top predictions.
/// </summary>
public static class ExampleEndpoints
{
    public const string CursorKey = "cursor";

    /// <summary>Maps onto the <c>/api/v1/datasets/{dataset}/examples</c> group.</summary>
    public static RouteGroupBuilder MapExampleEndpoints(this RouteGroupBuilder examples)
    {
        examples.MapGet("", ListAsync)
            .WithName("ListExamples")
            .WithSummary("Examples with the gallery's filters and sort, keyset-paginated")
            .WithDescription("Query keys as in the gallery URL (each described below), parsed by the gallery's own parser; plus cursor "
                + "(the previous page's nextCursor, or follow next). Each item says whether site visitors dispute the workers' consensus (disputed).");
        examples.MapGet("/{index:long}", GetAsync)
            .WithName("GetExample")
            .WithSummary("One example with its votes and the model's top predictions")
            .WithDescription("votes: the study's Mechanical Turk workers; visitorVotes: this site's visitors (null until one answers); "
                + "disputed: most visitors (at least 3) gave another answer than the workers' consensus.");
        return examples;
    }

    private static async Task<Results<ETaggedJson<ApiExamplePage>, ValidationProblem, NotFoundProblem>> ListAsync(
        string dataset, [AsParameters] ExampleListParameters parameters, HttpContext context, DatasetLookup datasets, ExampleSearch search,
        CancellationToken cancellationToken)
    {
        // Apart from the cursor, the parameters only document the keys in OpenAPI: the shared query object reads the raw query string.
        var cursor = parameters.Cursor;
        var found = await FindStudyDatasetAsync(dataset, datasets, cancellationToken);
        if (found is null)
            return ApiProblems.DatasetNotFound(dataset);

        var query = ExampleQuery.Parse(context.Request.QueryString.Value);
        ExampleCursor? after = null;
        if (!string.IsNullOrEmpty(cursor))
        {
            after = ExampleCursor.TryDecode(cursor);
            if (after is null || !after.Fits(query))
                return ApiProblems.InvalidParameter(CursorKey, "cursor is not one this API returned for this sort; start again without a cursor");
        }

        var slice = await search.SearchAfterAsync(found.Id, query, after, cancellationToken);
        var self = $"{ApiEndpoints.Prefix}/datasets/{Uri.EscapeDataString(found.Slug)}/examples";
        var nextCursor = slice.Next?.Encode();
        string? next = null;
        if (nextCursor is not null)
        {
            var builder = new QueryBuilder();
            foreach (var pair in QueryPairs(query.ToQueryString(includePage: false)))
                builder.Add(pair.Key, pair.Value);
            builder.Add(CursorKey, nextCursor);
            next = self + builder.ToQueryString();
        }

        var items = slice.Items.Select(i => new ApiExampleSummary(
            i.StudyIndex, i.GivenLabel, i.GuessedLabel, i.LabelQuality, i.IsValidatedError,
            i.Consensus is { } c ? ConsensusNames.Format(c) : null, i.ExternalId,
            i.Votes is { } v ? new ApiVoteCounts(v.Given, v.Guessed, v.Both, v.Neither, v.Neutral, v.OffTopic, v.Total) : null,
            i.IsDisputed,
            $"{self}/{i.StudyIndex}")).ToList();
        return ETaggedResult.Json(context, new ApiExamplePage(items, slice.TotalCount, nextCursor, next));
    }

    private static async Task<Results<ETaggedJson<ApiExampleDetail>, NotFoundProblem>> GetAsync(
        string dataset, long index, HttpContext context, DatasetLookup datasets, ExampleDetails details, VisitorVoteService visitorVotes,
        CancellationToken cancellationToken)
    {
        var found = await FindStudyDatasetAsync(dataset, datasets, cancellationToken);
        if (found is null)
            return ApiProblems.DatasetNotFound(dataset);
        var example = await details.FindAsync(found.Id, index, cancellationToken);
        if (example is null)
            return ApiProblems.ExampleNotFound(dataset, index);

        var votes = example.Votes is { } v
            ? new ApiExampleVotes(v.Given, v.Guessed, v.Both, v.Neither, v.Neutral, v.OffTopic, v.Positive, v.Negative, v.Total, Data.Json.LabelVotes.ReadSorted(v.LabelVotesJson), v.SourceUrl)
            : null;
        var tally = await visitorVotes.TallyAsync(example.DatasetId, example.Id, cancellationToken);
        var visitorTally = tally is null ? null : ApiVisitorVotes.From(tally);
        var top = TopPrediction.ParseList(example.TopPredictionsJson)
            .Select(p => new ApiTopPrediction(p.Label, found.ClassName(p.Label), p.Probability)).ToList();
        return ETaggedResult.Json(context, new ApiExampleDetail(
            found.Slug, example.StudyIndex,
            example.GivenLabel, found.ClassName(example.GivenLabel),
            example.GuessedLabel, example.GuessedLabel is null ? null : found.ClassName(example.GuessedLabel),
            example.PredictedLabel, example.PredictedLabel is null ? null : found.ClassName(example.PredictedLabel),
            example.LabelQuality, example.NormalizedMargin,
            example.IsClFlagged, example.IsMturkChecked, example.IsValidatedError,
            example.Consensus is { } c ? ConsensusNames.Format(c) : null,
            example.ExternalId, example.ClipStartSeconds, example.ClipEndSeconds,
            example.GivenLabelNames, example.GuessedLabelNames,
            votes, tally?.IsDisputed ?? false, visitorTally, top, example.Text?.Text,
            $"/d/{Uri.EscapeDataString(found.Slug)}/{example.StudyIndex}"));
    }

    // Uploads are reached only through /u/{token} and /api/v1/uploads/{token}; their internal slug is not a dataset here,
    // which the slug's shape alone tells, without reading the database.
    private static async Task<BrowseDataset?> FindStudyDatasetAsync(string slug, DatasetLookup datasets, CancellationToken cancellationToken) =>
        ShareTokens.TokenOfSlug(slug) is null ? await datasets.FindAsync(slug, cancellationToken) : null;

    private static IEnumerable<KeyValuePair<string, string>> QueryPairs(string queryString) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(queryString)
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string>(p.Key, v ?? "")));
}
