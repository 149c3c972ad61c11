using System.Net;
using System.Net.Http.Json;
using LabelErrors.Tests.Shared;

namespace LabelErrors.Web.Tests.Api;

/// <summary>
/// One naming policy (camelCase), with the previous release's snake_case upload/review/vote names still served, marked
/// deprecated, to a client that asks the old way (<c>?naming=snake_case</c> or an old request property).
/// </summary>
[Collection(ApiSurfaceCollection.Name)]
public sealed class LegacyNamingTests(ApiSurfaceSite fixture)
{
    [Fact]
    public async Task Upload_answers_are_camel_case_and_not_deprecated()
    {
        var accepted = await fixture.Client.PostAsync("/api/v1/uploads",
            new UploadForm().File("labels", fixture.Data.LabelsPath).File("pred_probs", fixture.Data.PredProbsPath).Build());
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.False(accepted.Headers.Contains("Deprecation"));
        var body = TestSite.Json(await accepted.Content.ReadAsStringAsync());
        foreach (var name in new[] { "token", "jobUrl", "shareUrl", "ownerKey", "warnings" })
            Assert.True(body.TryGetProperty(name, out _), $"no {name} in {body}");
        Assert.False(body.TryGetProperty("job_url", out _));
        Assert.Equal(body.GetProperty("jobUrl").GetString(), accepted.Headers.Location?.ToString());

        var job = TestSite.Json(await fixture.Client.GetStringAsync(body.GetProperty("jobUrl").GetString()));
        Assert.True(job.TryGetProperty("createdAt", out _) && job.TryGetProperty("shareUrl", out _) && job.TryGetProperty("issuesCsv", out _), job.ToString());
    }

    [Fact]
    public async Task The_old_names_are_served_with_a_deprecation_header_on_request()
    {
        var accepted = await fixture.Client.PostAsync("/api/v1/uploads?naming=snake_case",
            new UploadForm().File("labels", fixture.Data.LabelsPath).File("pred_probs", fixture.Data.PredProbsPath).Build());
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        AssertDeprecated(accepted);
        var body = TestSite.Json(await accepted.Content.ReadAsStringAsync());
        foreach (var name in new[] { "token", "job_url", "share_url", "owner_key", "warnings" })
            Assert.True(body.TryGetProperty(name, out _), $"no {name} in {body}");

        var job = await fixture.Client.GetAsync(body.GetProperty("job_url").GetString() + "?naming=snake_case");
        AssertDeprecated(job);
        var jobBody = TestSite.Json(await job.Content.ReadAsStringAsync());
        Assert.True(jobBody.TryGetProperty("created_at", out _) && jobBody.TryGetProperty("share_url", out _) && jobBody.TryGetProperty("issues_csv", out _), jobBody.ToString());

        using var preview = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/uploads/{fixture.Token}/decisions/bulk-accept?worst=2&preview=true&naming=snake_case")
        {
            Content = JsonContent.Create(new { }),
        };
        preview.Headers.Add("X-Owner-Key", fixture.OwnerKey);
        var changes = TestSite.Json(await (await fixture.Client.SendAsync(preview)).Content.ReadAsStringAsync()).GetProperty("changes");
        Assert.NotEmpty(changes.EnumerateArray());
        Assert.All(changes.EnumerateArray(), c => Assert.True(c.TryGetProperty("given_label", out _) && c.TryGetProperty("suggested_label", out _), c.ToString()));
    }

    [Fact]
    public async Task A_vote_sent_with_browser_id_is_answered_in_the_old_shape()
    {
        var old = await fixture.Client.PostAsJsonAsync("/api/v1/datasets/audioset/examples/2/votes",
            new { browser_id = "browser-legacy-1", answer = "heard_labels", labels = new[] { "Speech" } });
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        AssertDeprecated(old);
        var tally = TestSite.Json(await old.Content.ReadAsStringAsync()).GetProperty("tally");
        Assert.Equal(1, tally.GetProperty("labels").GetProperty("Speech").GetInt32());
        Assert.True(tally.TryGetProperty("off_topic", out _));

        var current = await fixture.Client.PostAsJsonAsync("/api/v1/datasets/audioset/examples/2/votes",
            new { browserId = "browser-legacy-2", answer = "heard_labels", labels = new[] { "Speech" } });
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        Assert.False(current.Headers.Contains("Deprecation"));
        var newTally = TestSite.Json(await current.Content.ReadAsStringAsync()).GetProperty("tally");
        Assert.Equal(2, newTally.GetProperty("labelVotes").GetProperty("Speech").GetInt32());
        Assert.True(newTally.TryGetProperty("offTopic", out _));
    }

    [Fact]
    public async Task An_old_client_still_finds_its_error_member_in_the_problem()
    {
        var response = await fixture.Client.PostAsJsonAsync("/api/v1/datasets/cifar10/examples/10/votes", new { browser_id = "browser-legacy-3", answer = "maybe" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        AssertDeprecated(response);
        var problem = TestSite.Json(await response.Content.ReadAsStringAsync());
        Assert.Equal(problem.GetProperty("detail").GetString(), problem.GetProperty("error").GetString());
        Assert.Equal("answer", problem.GetProperty("field").GetString());
    }

    private static void AssertDeprecated(HttpResponseMessage response)
    {
        Assert.True(response.Headers.TryGetValues("Deprecation", out var deprecation), "no Deprecation header");
        Assert.Matches("^@[0-9]+$", Assert.Single(deprecation));
        Assert.True(response.Headers.TryGetValues("Link", out var link), "no Link header");
        Assert.Contains("rel=\"deprecation\"", Assert.Single(link));
    }
}
