using System.Net;
using System.Text.Json;
using LabelErrors.Tests.Shared;

namespace LabelErrors.Web.Tests.Api;

public sealed class RateLimitTests
{
    [Fact]
    public async Task Requests_over_the_limit_get_a_429_problem_with_retry_after()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var app = new LabelErrorsAppFactory(database.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["Api:RequestsPerMinutePerClient"] = "2",
        });
        var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/datasets")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/datasets")).StatusCode);
        var refused = await client.GetAsync("/api/v1/datasets");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.True(refused.Headers.RetryAfter is not null);
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());
        // The pages are not counted against the API's limit.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }
}
