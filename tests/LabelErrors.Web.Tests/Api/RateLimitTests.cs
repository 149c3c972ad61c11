using System.Net;
using System.Net.Http.Json;
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
        Assert.True(refused.Headers.RetryAfter?.Delta is { TotalSeconds: > 0 and <= 60 }, $"Retry-After: {refused.Headers.RetryAfter}");
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains("at most 2 per minute", problem.RootElement.GetProperty("detail").GetString());
        // The pages are not counted against the API's limit.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task Votes_over_their_own_limit_get_the_same_429_problem_with_retry_after()
    {
        await using var site = await TestSite.StartAsync(new Dictionary<string, string?> { ["Review:VotesPerMinutePerClient"] = "1" });
        await site.SeedStudyAsync();

        Assert.Equal(HttpStatusCode.OK, (await site.Client.PostAsJsonAsync("/api/v1/datasets/cifar10/examples/10/votes", new { browserId = "browser-rate-1", answer = "given" })).StatusCode);
        var refused = await site.Client.PostAsJsonAsync("/api/v1/datasets/cifar10/examples/20/votes", new { browserId = "browser-rate-1", answer = "given" });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Contains("too many votes", await refused.Content.ReadAsStringAsync());
        // The API's own limit is separate: reading still works.
        Assert.Equal(HttpStatusCode.OK, (await site.Client.GetAsync("/api/v1/datasets")).StatusCode);
    }

    [Theory]
    [InlineData("Api:RequestsPerMinutePerClient", "0")]
    [InlineData("Uploads:UploadsPerMinutePerClient", "0")]
    [InlineData("Review:VotesPerMinutePerClient", "-5")]
    public async Task An_invalid_limit_stops_the_app_at_start(string key, string value)
    {
        await using var database = await TestDatabase.CreateAsync();
        var app = new LabelErrorsAppFactory(database.ConnectionString, settings: new Dictionary<string, string?> { [key] = value });

        var failure = Record.Exception(() => app.CreateClient());
        try
        {
            await app.DisposeAsync();
        }
        catch (Exception)
        {
            // A host that never started cannot stop cleanly; the failure to start is what is under test.
        }

        Assert.NotNull(failure);
        var messages = string.Join(" | ", Chain(failure));
        Assert.True(messages.Contains(key.Split(':')[1], StringComparison.Ordinal), messages);
    }

    private static IEnumerable<string> Chain(Exception e)
    {
        for (Exception? current = e; current is not null; current = current.InnerException)
        {
            yield return current.Message;
            if (current is AggregateException aggregate)
                foreach (var inner in aggregate.InnerExceptions)
                    yield return inner.Message;
        }
    }
}
