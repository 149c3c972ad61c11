using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LabelErrors.Tests.Shared;
using LabelErrors.Web.Uploads;

namespace LabelErrors.Web.Tests.Api;

/// <summary>
/// The public example API carries the site visitors' side: their tally on one example, the "disputed" flag on the
/// example and on list items, both as documented in the OpenAPI document; and uploads are not datasets of this API.
/// </summary>
public sealed class VisitorVotesApiTests : IAsyncLifetime
{
    private TestSite _site = null!;

    public async Task InitializeAsync()
    {
        _site = await TestSite.StartAsync(new Dictionary<string, string?> { ["Review:VotesPerMinutePerClient"] = "1000" });
        await _site.SeedStudyAsync();
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    private Task<HttpResponseMessage> VoteAsync(long index, string browser, string answer) =>
        _site.Client.PostAsJsonAsync($"/api/v1/datasets/cifar10/examples/{index}/votes", new { browserId = browser, answer });

    private async Task<JsonElement> GetJsonAsync(string url) => TestSite.Json(await _site.Client.GetStringAsync(url));

    [Fact]
    public async Task An_example_shows_the_visitors_tally_and_becomes_disputed_when_most_disagree()
    {
        // Example 10's workers' consensus is "correctable" (the guessed label).
        var before = await GetJsonAsync("/api/v1/datasets/cifar10/examples/10");
        Assert.False(before.GetProperty("disputed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, before.GetProperty("visitorVotes").ValueKind);

        Assert.Equal(HttpStatusCode.OK, (await VoteAsync(10, "browser-api1", "given")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await VoteAsync(10, "browser-api2", "given")).StatusCode);
        var afterTwo = await GetJsonAsync("/api/v1/datasets/cifar10/examples/10");
        Assert.False(afterTwo.GetProperty("disputed").GetBoolean(), "two visitors are fewer than the 3 a dispute needs");
        Assert.Equal(2, afterTwo.GetProperty("visitorVotes").GetProperty("given").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await VoteAsync(10, "browser-api3", "guessed")).StatusCode);

        var after = await GetJsonAsync("/api/v1/datasets/cifar10/examples/10");
        Assert.True(after.GetProperty("disputed").GetBoolean());
        var visitors = after.GetProperty("visitorVotes");
        Assert.Equal((2, 1, 0, 3), (visitors.GetProperty("given").GetInt32(), visitors.GetProperty("guessed").GetInt32(),
            visitors.GetProperty("both").GetInt32(), visitors.GetProperty("total").GetInt32()));
        // The workers' votes are still the study's, next to the visitors'.
        Assert.Equal(before.GetProperty("votes").GetRawText(), after.GetProperty("votes").GetRawText());

        var disputed = await GetJsonAsync("/api/v1/datasets/cifar10/examples?scope=all&disputed=1");
        var items = disputed.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([10L], items.Select(i => i.GetProperty("index").GetInt64()));
        Assert.True(items[0].GetProperty("disputed").GetBoolean());
        var all = await GetJsonAsync("/api/v1/datasets/cifar10/examples?scope=all&size=96");
        Assert.All(all.GetProperty("items").EnumerateArray(), i =>
            Assert.Equal(i.GetProperty("index").GetInt64() == 10, i.GetProperty("disputed").GetBoolean()));
    }

    [Fact]
    public async Task A_vote_changes_the_example_etag()
    {
        var first = await _site.Client.GetAsync("/api/v1/datasets/cifar10/examples/20");
        await VoteAsync(20, "browser-etag1", "both");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/datasets/cifar10/examples/20");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        var second = await _site.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.NotEqual(first.Headers.ETag, second.Headers.ETag);
    }

    [Fact]
    public async Task The_visitor_fields_are_documented_and_the_answers_match_the_schema()
    {
        await VoteAsync(10, "browser-doc1", "given");
        using var document = JsonDocument.Parse(await _site.Client.GetStringAsync("/openapi/v1.json"));
        var checker = new OpenApiSchemaChecker(document.RootElement);
        var paths = document.RootElement.GetProperty("paths");

        foreach (var (path, url) in new[]
        {
            ("/api/v1/datasets/{dataset}/examples/{index}", "/api/v1/datasets/cifar10/examples/10"),
            ("/api/v1/datasets/{dataset}/examples", "/api/v1/datasets/cifar10/examples?scope=all"),
        })
        {
            var schema = paths.GetProperty(path).GetProperty("get").GetProperty("responses").GetProperty("200")
                .GetProperty("content").GetProperty("application/json").GetProperty("schema");
            var errors = checker.Check(await GetJsonAsync(url), schema);
            Assert.True(errors.Count == 0, string.Join('\n', errors));
        }

        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        var detail = schemas.GetProperty("ApiExampleDetail").GetProperty("properties");
        Assert.True(detail.TryGetProperty("disputed", out _) && detail.TryGetProperty("visitorVotes", out _), "ApiExampleDetail lacks the visitor fields");
        Assert.True(schemas.GetProperty("ApiExampleSummary").GetProperty("properties").TryGetProperty("disputed", out _));
        Assert.True(schemas.GetProperty("ApiVisitorVotes").GetProperty("properties").TryGetProperty("total", out _));
        var listDescription = paths.GetProperty("/api/v1/datasets/{dataset}/examples").GetProperty("get").GetProperty("description").GetString();
        Assert.Contains("disputed", listDescription);
    }

    [Fact]
    public async Task An_upload_is_not_a_dataset_of_the_example_api()
    {
        using var data = new SyntheticUpload(examples: 60, classes: 3, seed: 41, flipFraction: 0.1);
        var (token, _) = await _site.UploadAsync(data, "api hidden");
        var slug = ShareTokens.Slug(token);

        Assert.Equal(HttpStatusCode.NotFound, (await _site.Client.GetAsync($"/api/v1/datasets/{slug}/examples")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _site.Client.GetAsync($"/api/v1/datasets/{slug}/examples/0")).StatusCode);
    }
}
