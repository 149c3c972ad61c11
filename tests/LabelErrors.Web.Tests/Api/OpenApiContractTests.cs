using System.Net;
using System.Text.Json;

namespace LabelErrors.Web.Tests.Api;

/// <summary>The generated OpenAPI document is the contract: the endpoints are in it and their answers match its schemas.</summary>
[Collection(StudyApiCollection.Name)]
public sealed class OpenApiContractTests(StudyApiSite site)
{
    private async Task<JsonDocument> DocumentAsync()
    {
        var response = await site.Client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Document_lists_every_api_operation_including_the_uploads()
    {
        using var document = await DocumentAsync();
        var paths = document.RootElement.GetProperty("paths");
        (string Path, string Method)[] expected =
        [
            ("/api/v1/datasets", "get"),
            ("/api/v1/datasets/{dataset}", "get"),
            ("/api/v1/datasets/{dataset}/examples", "get"),
            ("/api/v1/datasets/{dataset}/examples/{index}", "get"),
            ("/api/v1/datasets/{dataset}/corrected", "get"),
            ("/api/v1/datasets/{dataset}/scores", "get"),
            ("/api/v1/datasets/{dataset}/scores", "post"),
            ("/api/v1/uploads", "post"),
            ("/api/v1/uploads/{token}/job", "get"),
            ("/api/v1/uploads/{token}/issues.csv", "get"),
            ("/api/v1/uploads/{token}/annotators", "get"),
            ("/api/v1/uploads/{token}/annotators.csv", "get"),
            ("/api/v1/uploads/{token}/consensus", "get"),
            ("/api/v1/uploads/{token}/consensus.csv", "get"),
            ("/api/v1/uploads/{token}/cleaned", "get"),
            ("/api/v1/uploads/{token}/decisions", "post"),
            ("/api/v1/uploads/{token}/decisions/bulk-accept", "post"),
            ("/api/v1/uploads/{token}/charts", "get"),
            ("/api/v1/datasets/{dataset}/examples/{index}/votes", "post"),
            ("/api/v1/datasets/{dataset}/examples/{index}/reports", "post"),
        ];
        foreach (var (path, method) in expected)
            Assert.True(paths.TryGetProperty(path, out var item) && item.TryGetProperty(method, out _), $"{method.ToUpperInvariant()} {path} is not in the OpenAPI document");

        var correctedParameters = paths.GetProperty("/api/v1/datasets/{dataset}/corrected").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Equal(["dataset", "min_agreement", "multi_label", "neither", "non_agreement", "format"], correctedParameters);
        Assert.DoesNotContain(paths.EnumerateObject(), p => p.Name.StartsWith("/api/v1/{", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/api/v1/datasets/{dataset}", "/api/v1/datasets/mnist")]
    [InlineData("/api/v1/datasets", "/api/v1/datasets")]
    [InlineData("/api/v1/datasets/{dataset}/examples", "/api/v1/datasets/mnist/examples?scope=checked&size=20")]
    [InlineData("/api/v1/datasets/{dataset}/examples", "/api/v1/datasets/amazon/examples?scope=checked&size=20")]
    [InlineData("/api/v1/datasets/{dataset}/scores", "/api/v1/datasets/mnist/scores")]
    public async Task Json_answers_match_their_documented_schema(string documentedPath, string url)
    {
        using var document = await DocumentAsync();
        var schema = document.RootElement.GetProperty("paths").GetProperty(documentedPath).GetProperty("get")
            .GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        using var answer = JsonDocument.Parse(await site.Client.GetStringAsync(url));

        var errors = new OpenApiSchemaChecker(document.RootElement).Check(answer.RootElement, schema);

        Assert.True(errors.Count == 0, string.Join('\n', errors));
    }

    [Fact]
    public async Task Example_detail_matches_its_documented_schema()
    {
        using var document = await DocumentAsync();
        var schema = document.RootElement.GetProperty("paths").GetProperty("/api/v1/datasets/{dataset}/examples/{index}").GetProperty("get")
            .GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        using var list = JsonDocument.Parse(await site.Client.GetStringAsync("/api/v1/datasets/mnist/examples?size=3"));
        foreach (var item in list.RootElement.GetProperty("items").EnumerateArray())
        {
            using var answer = JsonDocument.Parse(await site.Client.GetStringAsync(item.GetProperty("self").GetString()!));
            var errors = new OpenApiSchemaChecker(document.RootElement).Check(answer.RootElement, schema);
            Assert.True(errors.Count == 0, string.Join('\n', errors));
        }
    }

    [Fact]
    public async Task Problems_are_documented_and_served_as_problem_json()
    {
        using var document = await DocumentAsync();
        var responses = document.RootElement.GetProperty("paths").GetProperty("/api/v1/datasets/{dataset}/corrected").GetProperty("get").GetProperty("responses");
        Assert.True(responses.GetProperty("404").GetProperty("content").TryGetProperty("application/problem+json", out _));
        Assert.True(responses.GetProperty("400").GetProperty("content").TryGetProperty("application/problem+json", out _));
    }

    [Fact]
    public async Task Interactive_reference_page_is_served_without_a_cdn()
    {
        var response = await site.Client.GetAsync("/scalar/v1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("openapi/v1.json", html);
        Assert.Contains("\"withDefaultFonts\":false", html);
        Assert.DoesNotContain("cdn.jsdelivr.net", html);
        // The script comes from the app itself, not a CDN.
        var script = await site.Client.GetAsync("/scalar/scalar.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.True((await script.Content.ReadAsByteArrayAsync()).Length > 100_000);
    }

    [Fact]
    public async Task Every_query_key_the_gallery_parser_accepts_is_documented_on_the_examples_endpoint()
    {
        using var document = await DocumentAsync();
        var operation = document.RootElement.GetProperty("paths").GetProperty("/api/v1/datasets/{dataset}/examples").GetProperty("get");
        var documented = operation.GetProperty("parameters").EnumerateArray()
            .Where(p => p.GetProperty("in").GetString() == "query")
            .ToDictionary(p => p.GetProperty("name").GetString()!, p => p);
        // The keys ExampleQuery.Parse reads, from the parser's own constants (a new key fails this test until documented).
        var parsed = typeof(LabelErrors.Data.Queries.ExampleQuery.Keys)
            .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();
        Assert.Contains("given_lt", parsed);

        foreach (var key in parsed.Append("cursor"))
        {
            Assert.True(documented.TryGetValue(key, out var parameter), $"query key '{key}' is not in the OpenAPI document");
            Assert.False(string.IsNullOrWhiteSpace(parameter.TryGetProperty("description", out var d) ? d.GetString() : null), $"query key '{key}' has no description");
        }
        var text = operation.GetRawText();
        Assert.DoesNotContain("next_cursor", text);
        Assert.Contains("nextCursor", text);
    }

    [Fact]
    public async Task Upload_review_and_vote_operations_document_their_problems_and_camel_case_answers()
    {
        using var document = await DocumentAsync();
        var paths = document.RootElement.GetProperty("paths");
        var post = paths.GetProperty("/api/v1/uploads").GetProperty("post").GetProperty("responses");
        foreach (var status in new[] { "400", "413", "415", "429" })
            Assert.True(post.GetProperty(status).GetProperty("content").TryGetProperty("application/problem+json", out _), $"POST /api/v1/uploads {status}");
        var accepted = Resolve(document.RootElement, post.GetProperty("202").GetProperty("content").GetProperty("application/json").GetProperty("schema"));
        Assert.True(accepted.GetProperty("properties").TryGetProperty("jobUrl", out _), accepted.GetRawText());

        var vote = paths.GetProperty("/api/v1/datasets/{dataset}/examples/{index}/votes").GetProperty("post").GetProperty("responses");
        Assert.True(vote.GetProperty("400").GetProperty("content").TryGetProperty("application/problem+json", out _));
        var outcome = Resolve(document.RootElement, vote.GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema"));
        var tally = Resolve(document.RootElement, outcome.GetProperty("properties").GetProperty("tally"));
        Assert.True(tally.GetProperty("properties").TryGetProperty("labelVotes", out _), tally.GetRawText());

        var decide = paths.GetProperty("/api/v1/uploads/{token}/decisions").GetProperty("post").GetProperty("responses");
        Assert.True(decide.GetProperty("403").GetProperty("content").TryGetProperty("application/problem+json", out _));
        Assert.Contains("naming=snake_case", document.RootElement.GetProperty("info").GetProperty("description").GetString());
    }

    private static JsonElement Resolve(JsonElement root, JsonElement schema)
    {
        if (!schema.TryGetProperty("$ref", out var reference))
            return schema;
        var name = reference.GetString()!.Split('/')[^1];
        return root.GetProperty("components").GetProperty("schemas").GetProperty(name);
    }
}
