using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LabelErrors.Tests.Shared;
using LabelErrors.Web.Tests.Uploads;

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
    [InlineData("Api__RequestsPerMinutePerClient", "0")]
    [InlineData("Uploads__UploadsPerMinutePerClient", "0")]
    [InlineData("Review__VotesPerMinutePerClient", "-5")]
    public async Task An_invalid_limit_stops_the_app_at_start(string variable, string value)
    {
        // A real process: the app must exit with its own message, as it would under a process manager.
        await using var database = await TestDatabase.CreateAsync();
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__LabelErrors"] = database.ConnectionString,
            ["Database__MigrateOnStart"] = "true",
            [variable] = value,
        };

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => AppProcess.StartAsync(environment));

        Assert.Contains("exited with 1", failure.Message);
        Assert.Contains(variable.Split("__")[1], failure.Message);
    }
}
