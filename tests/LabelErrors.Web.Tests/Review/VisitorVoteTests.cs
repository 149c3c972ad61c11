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
    private static async Task<TestSite> SeededSiteAsync(int votesPerMinute = 1000)
    {
        var site = await TestSite.StartAsync(new Dictionary<string, string?> { ["Review:VotesPerMinutePerClient"] = votesPerMinute.ToString() });
        await site.SeedStudyAsync();
        return site;
    }

    private static Task<HttpResponseMessage> VoteAsync(TestSite site, long index, string browser, string answer, string slug = "cifar10") =>
        site.Client.PostAsJsonAsync($"/api/v1/datasets/{slug}/examples/{index}/votes", new { browserId = browser, answer });

    [Fact]
    public async Task A_second_vote_from_the_same_browser_replaces_the_first()
    {
        await using var site = await SeededSiteAsync();

        Assert.Equal(HttpStatusCode.OK, (await VoteAsync(site, 10, "browser-one", "given")).StatusCode);
        var second = await VoteAsync(site, 10, "browser-one", "guessed");
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var body = TestSite.Json(await second.Content.ReadAsStringAsync());
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
        var agreeing = TestSite.Json(await (await VoteAsync(site, 20, "browser-aaa1", "both")).Content.ReadAsStringAsync());
        Assert.False(agreeing.GetProperty("disputed").GetBoolean());
        var third = TestSite.Json(await (await VoteAsync(site, 10, "browser-aaa3", "guessed")).Content.ReadAsStringAsync());
        Assert.True(third.GetProperty("disputed").GetBoolean(), "two of three visitors chose the given label against a 'correctable' consensus");

        var search = site.App.Services.GetRequiredService<ExampleSearch>();
        await using var db = await site.DbAsync();
        var cifar = await db.Datasets.SingleAsync(d => d.Slug == "cifar10");
        var disputed = await search.SearchAsync(cifar.Id, ExampleQuery.Parse("?scope=all&disputed=1"));
        Assert.Equal([10L], disputed.Items.Select(i => i.StudyIndex).ToArray());
        Assert.Equal("?scope=all&disputed=1", ExampleQuery.Parse("?scope=all&disputed=1").ToQueryString());

        // One visitor changing their mind to the consensus answer ends the dispute.
        var settled = TestSite.Json(await (await VoteAsync(site, 10, "browser-aaa2", "guessed")).Content.ReadAsStringAsync());
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

        var report = await site.Client.PostAsJsonAsync("/api/v1/datasets/cifar10/examples/10/reports", new { browserId = "browser-c1", note = "It is plainly a cat." });
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        var empty = await site.Client.PostAsJsonAsync("/api/v1/datasets/cifar10/examples/10/reports", new { browserId = "browser-c1", note = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);

        await using var db = await site.DbAsync();
        Assert.Equal("It is plainly a cat.", (await db.CorrectionReports.SingleAsync()).Note);
    }

    private static Task<HttpResponseMessage> HeardAsync(TestSite site, string browser, params string[] labels) =>
        site.Client.PostAsJsonAsync("/api/v1/datasets/audioset/examples/2/votes", new { browserId = browser, answer = "heard_labels", labels });

    [Fact]
    public async Task AudioSet_visitors_mark_the_labels_they_hear_and_dispute_by_the_study_rule()
    {
        await using var site = await SeededSiteAsync();
        // Clip 2: given Cheering and Crowd, guessed Speech; the workers' consensus is "correctable".
        Assert.Equal(HttpStatusCode.BadRequest, (await site.Client.PostAsJsonAsync("/api/v1/datasets/audioset/examples/2/votes", new { browserId = "browser-d1", answer = "given" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await HeardAsync(site, "browser-d1", "Cheering", "Music")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await site.Client.PostAsJsonAsync("/api/v1/datasets/audioset/examples/2/votes", new { browserId = "browser-d1", answer = "heard_labels" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await site.Client.PostAsJsonAsync("/api/v1/datasets/cifar10/examples/10/votes", new { browserId = "browser-d1", answer = "heard_labels", labels = new[] { "cat" } })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await HeardAsync(site, "browser-d1", "Cheering", "Crowd")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await HeardAsync(site, "browser-d2", "Cheering", "Crowd", "Cheering")).StatusCode);
        var third = TestSite.Json(await (await HeardAsync(site, "browser-d3", "Crowd")).Content.ReadAsStringAsync());
        var labels = third.GetProperty("tally").GetProperty("labelVotes");
        Assert.Equal(2, labels.GetProperty("Cheering").GetInt32());
        Assert.Equal(3, labels.GetProperty("Crowd").GetInt32());
        Assert.Equal(0, labels.GetProperty("Speech").GetInt32());
        Assert.Equal(3, third.GetProperty("tally").GetProperty("total").GetInt32());
        Assert.True(third.GetProperty("disputed").GetBoolean(), "most visitors hear every given label and not the guessed one: 'not an error' against 'correctable'");

        // The third visitor now hears Speech too and drops Crowd: Cheering 2, Crowd 2, Speech 1 of 3 is the study's "not an error" still.
        var changed = TestSite.Json(await (await HeardAsync(site, "browser-d3", "Speech")).Content.ReadAsStringAsync());
        Assert.Equal(1, changed.GetProperty("tally").GetProperty("labelVotes").GetProperty("Speech").GetInt32());
        Assert.True(changed.GetProperty("disputed").GetBoolean());
        await HeardAsync(site, "browser-d2", "Speech");
        var settled = TestSite.Json(await (await HeardAsync(site, "browser-d1", "Cheering", "Speech")).Content.ReadAsStringAsync());
        Assert.False(settled.GetProperty("disputed").GetBoolean(), "Speech heard by all, Crowd by none: 'correctable', as the workers said");

        await using var db = await site.DbAsync();
        var vote = await db.VisitorVotes.SingleAsync(v => v.BrowserId == "browser-d1");
        Assert.Equal(VisitorAnswer.HeardLabels, vote.Answer);
        Assert.Equal(["Cheering", "Speech"], vote.HeardLabels);
        Assert.Equal(3, await db.VisitorVotes.CountAsync());
    }
}
