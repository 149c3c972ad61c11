using System.Net;
using System.Net.Http.Json;
using LabelErrors.Data;
using LabelErrors.Tests.Shared;
using LabelErrors.Web.Browse.Caching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LabelErrors.Web.Tests;

/// <summary>Two web nodes on one database: a vote taken by one refreshes the dataset's cached pages on the other.</summary>
public sealed class BrowseCacheAcrossNodesTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private LabelErrorsAppFactory _first = null!;
    private LabelErrorsAppFactory _second = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _first = new LabelErrorsAppFactory(_database.ConnectionString);
        _second = new LabelErrorsAppFactory(_database.ConnectionString);
        _first.CreateClient();
        _second.CreateClient();
        await using var db = await _first.Services.GetRequiredService<IDbContextFactory<LabelErrorsDbContext>>().CreateDbContextAsync();
        await BrowseSeed.SeedAsync(db);
    }

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_vote_on_one_node_evicts_that_dataset_s_pages_on_the_other()
    {
        var voter = _first.CreateClient(new() { HandleCookies = false });
        var reader = _second.CreateClient(new() { HandleCookies = false });
        await _second.Services.GetRequiredService<BrowseCacheListener>().Listening.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Contains("0 visitors answered", await reader.GetStringAsync("/d/cifar10/10"));
        await reader.GetAsync("/d/imdb");
        Assert.NotNull((await reader.GetAsync("/d/cifar10/10")).Headers.Age);

        var vote = await voter.PostAsJsonAsync("/api/v1/datasets/cifar10/examples/10/votes", new { browserId = "browser-node-1", answer = "guessed" });
        Assert.Equal(HttpStatusCode.OK, vote.StatusCode);

        // The notification arrives asynchronously: within a few seconds, not at the page's 60-second expiry.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        HttpResponseMessage permalink;
        while ((permalink = await reader.GetAsync("/d/cifar10/10")).Headers.Age is not null && DateTime.UtcNow < deadline)
            await Task.Delay(100);
        Assert.Null(permalink.Headers.Age);
        Assert.Contains("1 visitor answered", await permalink.Content.ReadAsStringAsync());
        Assert.NotNull((await reader.GetAsync("/d/imdb")).Headers.Age);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("cifar10")]
    public void A_change_survives_the_wire(string? slug)
    {
        var change = slug is null ? BrowseCacheChange.All : BrowseCacheChange.Dataset(slug);

        var parsed = BrowseCacheChange.Parse(change.ToPayload("node-a"));

        Assert.Equal(("node-a", change), parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("node-a")]
    [InlineData("node-a|dataset|")]
    [InlineData("|all")]
    [InlineData("node-a|rename|x")]
    public void An_unknown_payload_is_not_a_change(string payload) => Assert.Null(BrowseCacheChange.Parse(payload));
}
