using System.Net;
using System.Net.Http.Json;
using LabelErrors.Data.Entities;
using LabelErrors.Data.Queries;
using LabelErrors.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LabelErrors.Web.Tests.Review;

public sealed class VisitorVoteTests
{
    private static async Task<ReviewTestSite> SeededSiteAsync(int votesPerMinute = 1000)
    {
        var site = await ReviewTestSite.StartAsync(new Dictionary<string, string?> { ["Review:VotesPerMinutePerClient"] = votesPerMinute.ToString() });
        await using var db = await site.DbAsync();
        await BrowseSeed.SeedAsync(db);
        return site;
    }

    private static Task<HttpResponseMessage> VoteAsync(ReviewTestSite site, long index, string browser, string answer, string slug = "cifar10") =>
        site.Client.PostAsJsonAsync($"/api/v1/datasets/{slug}/examples/{index}/votes", new { browser_id = browser, answer });

    [Fact]
    public async Task A_second_vote_from_the_same_browser_replaces_the_first()
    {
        await using var site = await SeededSiteAsync();

        Assert.Equal(HttpStatusCode.OK, (await VoteAsync(site, 10, "browser-one", "given")).StatusCode);
        var second = await VoteAsync(site, 10, "browser-one", "guessed");
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var body = ReviewTestSite.Json(await second.Content.ReadAsStringAsync());
        Assert.Equal(1, body.GetProperty("tally").GetProperty("total").GetInt32());
        Assert.Equal(0, body.GetProperty("tally").GetProperty("given").GetInt32());
        Assert.Equal(1, body.GetProperty("tally").GetProperty("guessed").GetInt32());

        await using var db = await site.DbAsync();
        var vote = await db.VisitorVotes.SingleAsync();
        Assert.Equal(VisitorAnswer.Guessed, vote.Answer);
        Assert.Equal("browser-one", vote.BrowserId);
    }

    [Fact]
    public async Task Most_visitors_against_the_consensus_make_an_example_disputed_and_the_gallery_filters_on_it()
    {
        await using var site = await SeededSiteAsync();
        // Example 10 is "correctable" (workers chose the guessed label); example 20 "multi-label".
        await VoteAsync(site, 10, "browser-aaa1", "given");
        await VoteAsync(site, 10, "browser-aaa2", "given");
        var agreeing = ReviewTestSite.Json(await (await VoteAsync(site, 20, "browser-aaa1", "both")).Content.ReadAsStringAsync());
        Assert.False(agreeing.GetProperty("disputed").GetBoolean());
        var third = ReviewTestSite.Json(await (await VoteAsync(site, 10, "browser-aaa3", "guessed")).Content.ReadAsStringAsync());
        Assert.True(third.GetProperty("disputed").GetBoolean(), "two of three visitors chose the given label against a 'correctable' consensus");

        var search = site.App.Services.GetRequiredService<ExampleSearch>();
        await using var db = await site.DbAsync();
        var cifar = await db.Datasets.SingleAsync(d => d.Slug == "cifar10");
        var disputed = await search.SearchAsync(cifar.Id, ExampleQuery.Parse("?scope=all&disputed=1"));
        Assert.Equal([10L], disputed.Items.Select(i => i.StudyIndex).ToArray());
        Assert.Equal("?scope=all&disputed=1", ExampleQuery.Parse("?scope=all&disputed=1").ToQueryString());

        // One visitor changing their mind to the consensus answer ends the dispute.
        var settled = ReviewTestSite.Json(await (await VoteAsync(site, 10, "browser-aaa2", "guessed")).Content.ReadAsStringAsync());
        Assert.False(settled.GetProperty("disputed").GetBoolean());
        Assert.Empty((await search.SearchAsync(cifar.Id, ExampleQuery.Parse("?scope=all&disputed=1"))).Items);
    }

    [Fact]
    public async Task Votes_are_rate_limited_per_client_and_checked()
    {
        await using var site = await SeededSiteAsync(votesPerMinute: 3);

        Assert.Equal(HttpStatusCode.BadRequest, (await VoteAsync(site, 10, "browser-b1", "positive")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await VoteAsync(site, 999, "browser-b1", "given")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await VoteAsync(site, 10, "browser-b1", "given")).StatusCode);
        var limited = await VoteAsync(site, 20, "browser-b2", "given");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("too many votes", await limited.Content.ReadAsStringAsync());

        await using var db = await site.DbAsync();
        Assert.Equal(1, await db.VisitorVotes.CountAsync());
    }

    [Fact]
    public async Task Sentiment_sets_offer_their_own_answers_and_a_wrong_correction_can_be_reported()
    {
        await using var site = await SeededSiteAsync();
        Assert.Equal(HttpStatusCode.BadRequest, (await VoteAsync(site, 1, "browser-c1", "both", slug: "imdb")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await VoteAsync(site, 1, "browser-c1", "off_topic", slug: "imdb")).StatusCode);

        var report = await site.Client.PostAsJsonAsync("/api/v1/datasets/cifar10/examples/10/reports", new { browser_id = "browser-c1", note = "It is plainly a cat." });
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        var empty = await site.Client.PostAsJsonAsync("/api/v1/datasets/cifar10/examples/10/reports", new { browser_id = "browser-c1", note = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);

        await using var db = await site.DbAsync();
        Assert.Equal("It is plainly a cat.", (await db.CorrectionReports.SingleAsync()).Note);
    }
}
