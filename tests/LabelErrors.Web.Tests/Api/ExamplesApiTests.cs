using System.Net;
using System.Text.Json;
using LabelErrors.Data.Queries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LabelErrors.Web.Tests.Api;

[Collection(StudyApiCollection.Name)]
public sealed class ExamplesApiTests(StudyApiSite site)
{
    private async Task<List<long>> WalkAsync(string firstUrl)
    {
        var indices = new List<long>();
        for (var url = firstUrl; url is not null;)
        {
            using var page = JsonDocument.Parse(await site.Client.GetStringAsync(url));
            indices.AddRange(page.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("index").GetInt64()));
            url = page.RootElement.GetProperty("next").GetString();
        }
        return indices;
    }

    [Theory]
    [InlineData("")]
    [InlineData("?scope=checked&sort=agreement&agree=given")]
    [InlineData("?scope=all&sort=index&given=3")]
    [InlineData("?scope=checked&consensus=correctable,neither&k=3")]
    public async Task Cursor_pages_list_exactly_what_the_gallery_query_lists_in_the_same_order(string query)
    {
        var parsed = ExampleQuery.Parse(query);
        await using var db = await site.DbAsync();
        var datasetId = await db.Datasets.Where(d => d.Slug == "mnist").Select(d => d.Id).SingleAsync();
        var search = site.App.Services.GetRequiredService<ExampleSearch>();
        var expected = new List<long>();
        for (var page = 1; ; page++)
        {
            var result = await search.SearchAsync(datasetId, parsed with { Page = page, PageSize = ExampleQuery.MaxPageSize });
            expected.AddRange(result.Items.Select(i => i.StudyIndex));
            if (page >= result.PageCount) break;
        }

        var sep = query.Length == 0 ? "?" : "&";
        var walked = await WalkAsync($"/api/v1/datasets/mnist/examples{query}{sep}size=7");

        Assert.NotEmpty(expected);
        Assert.Equal(expected, walked);
    }

    [Fact]
    public async Task A_cursor_from_another_sort_is_a_400_problem()
    {
        using var page = JsonDocument.Parse(await site.Client.GetStringAsync("/api/v1/datasets/mnist/examples?size=2"));
        var cursor = page.RootElement.GetProperty("nextCursor").GetString();
        var response = await site.Client.GetAsync($"/api/v1/datasets/mnist/examples?sort=index&cursor={cursor}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var garbage = await site.Client.GetAsync("/api/v1/datasets/mnist/examples?cursor=not-a-cursor");
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
    }

    [Fact]
    public async Task One_example_has_its_votes_class_names_and_top_predictions()
    {
        using var list = JsonDocument.Parse(await site.Client.GetStringAsync("/api/v1/datasets/mnist/examples?size=1"));
        var first = list.RootElement.GetProperty("items")[0];
        using var detail = JsonDocument.Parse(await site.Client.GetStringAsync(first.GetProperty("self").GetString()!));
        var root = detail.RootElement;

        Assert.Equal(first.GetProperty("index").GetInt64(), root.GetProperty("index").GetInt64());
        Assert.True(root.GetProperty("isValidatedError").GetBoolean());
        var votes = root.GetProperty("votes");
        Assert.True(votes.GetProperty("given").GetInt32() < 3);
        Assert.Equal(first.GetProperty("votes").GetProperty("guessed").GetInt32(), votes.GetProperty("guessed").GetInt32());
        var top = root.GetProperty("topPredictions").EnumerateArray().ToList();
        Assert.NotEmpty(top);
        Assert.All(top, p => Assert.False(string.IsNullOrEmpty(p.GetProperty("className").GetString())));
        Assert.False(string.IsNullOrEmpty(root.GetProperty("givenClass").GetString()));
    }

    [Fact]
    public async Task Unknown_example_and_unknown_api_path_are_404_problems()
    {
        var example = await site.Client.GetAsync("/api/v1/datasets/mnist/examples/99999999");
        Assert.Equal(HttpStatusCode.NotFound, example.StatusCode);
        Assert.Equal("application/problem+json", example.Content.Headers.ContentType?.MediaType);
        var path = await site.Client.GetAsync("/api/v1/nothing/here");
        Assert.Equal(HttpStatusCode.NotFound, path.StatusCode);
        Assert.Equal("application/problem+json", path.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Dataset_list_has_etag_revalidation_and_excludes_nothing_imported()
    {
        var response = await site.Client.GetAsync("/api/v1/datasets");
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var slugs = doc.RootElement.GetProperty("datasets").EnumerateArray().Select(d => d.GetProperty("slug").GetString()).ToList();
        Assert.Contains("mnist", slugs);
        Assert.Contains("amazon", slugs);
        var mnist = doc.RootElement.GetProperty("datasets").EnumerateArray().Single(d => d.GetProperty("slug").GetString() == "mnist");
        Assert.True(mnist.GetProperty("complete").GetBoolean());
        Assert.Equal(10_000, mnist.GetProperty("importedExamples").GetInt64());

        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/api/v1/datasets");
        conditional.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await site.Client.SendAsync(conditional)).StatusCode);
    }
}
