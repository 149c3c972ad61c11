using System.Net;
using LabelErrors.Core.Formats;
using LabelErrors.Tests.Shared;

namespace LabelErrors.Web.Tests.Review;

public sealed class ReviewDecisionTests
{
    [Fact]
    public async Task Decisions_persist_as_they_are_made_and_survive_an_app_restart()
    {
        using var data = new SyntheticUpload(examples: 400, classes: 4, seed: 3);
        await using var site = await TestSite.StartAsync();
        var (token, key) = await site.UploadAsync(data);
        var issues = await site.IssuesWorstFirstAsync(token);
        Assert.True(issues.Count >= 4, $"expected flagged examples, got {issues.Count}");

        var relabelTo = Enumerable.Range(0, 4).First(c => c != issues[2].Given && c != issues[2].Suggested);
        await site.DecideAsync(token, key, issues[0].Index, "accept", note: "clearly the suggestion");
        await site.DecideAsync(token, key, issues[1].Index, "keep");
        await site.DecideAsync(token, key, issues[2].Index, "relabel", label: relabelTo);
        await site.DecideAsync(token, key, issues[3].Index, "exclude");

        await site.RestartAsync();

        var log = (await site.Client.GetStringAsync($"/api/v1/uploads/{token}/decisions.csv")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("index,decision,label,given_label,suggested_label,note,decided_at,batch,undone_at", log[0]);
        Assert.Equal(5, log.Length);
        Assert.StartsWith($"{issues[0].Index},accept,{issues[0].Suggested},{issues[0].Given},{issues[0].Suggested},clearly the suggestion,", log[1]);
        Assert.StartsWith($"{issues[1].Index},keep,{issues[1].Given},", log[2]);
        Assert.StartsWith($"{issues[2].Index},relabel,{relabelTo},", log[3]);
        Assert.StartsWith($"{issues[3].Index},exclude,,", log[4]);

        var marked = LabelsCsv.Read(new StringReader(await site.Client.GetStringAsync($"/api/v1/uploads/{token}/cleaned?format=csv&excluded=mark")), "cleaned.csv").Labels;
        Assert.Equal(issues[0].Suggested, marked[issues[0].Index]);
        Assert.Equal(relabelTo, marked[issues[2].Index]);
        Assert.Equal(-1, marked[issues[3].Index]);
    }

    [Fact]
    public async Task The_export_applies_exactly_the_decisions_made_in_the_format_of_the_upload()
    {
        using var data = new SyntheticUpload(examples: 300, classes: 3, seed: 5, flipFraction: 0.1);
        await using var site = await TestSite.StartAsync();
        var (token, key) = await site.UploadAsync(data);
        var issues = await site.IssuesWorstFirstAsync(token);
        Assert.True(issues.Count >= 8, $"expected flagged examples, got {issues.Count}");

        // What each decision should do to the labels, worked out here from the uploaded labels, not by the app.
        var expected = data.Labels.Select(l => (long?)l).ToArray();
        var random = new Random(17);
        foreach (var (index, given, suggested) in issues)
        {
            switch (random.Next(6))
            {
                case 0:
                    await site.DecideAsync(token, key, index, "keep");
                    break;
                case 1:
                    await site.DecideAsync(token, key, index, "accept");
                    expected[index] = suggested;
                    break;
                case 2:
                    var other = (given + 1) % 3 == suggested ? (given + 2) % 3 : (given + 1) % 3;
                    await site.DecideAsync(token, key, index, "relabel", label: other);
                    expected[index] = other;
                    break;
                case 3:
                    await site.DecideAsync(token, key, index, "exclude");
                    expected[index] = null;
                    break;
                case 4:
                    await site.DecideAsync(token, key, index, "needs_review", note: "ask a domain expert");
                    break;
                default:
                    break; // undecided
            }
        }
        // A changed mind: the latest decision counts.
        await site.DecideAsync(token, key, issues[0].Index, "exclude");
        expected[issues[0].Index] = null;
        await site.DecideAsync(token, key, issues[0].Index, "accept");
        expected[issues[0].Index] = issues[0].Suggested;

        var npyResponse = await site.Client.GetAsync($"/api/v1/uploads/{token}/cleaned");
        Assert.Equal(HttpStatusCode.OK, npyResponse.StatusCode);
        Assert.EndsWith(".npy", npyResponse.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        var dropped = Npy.ReadLabels(await npyResponse.Content.ReadAsStreamAsync(), "cleaned.npy");
        Assert.Equal(expected.Where(l => l is not null).Select(l => (int)l!.Value).ToArray(), dropped);

        var markedNpy = Npy.ReadLabels(await site.Client.GetStreamAsync($"/api/v1/uploads/{token}/cleaned?format=npy&excluded=mark"), "cleaned.npy");
        Assert.Equal(expected.Select(l => (int)(l ?? -1)).ToArray(), markedNpy);

        var markedCsv = LabelsCsv.Read(new StringReader(await site.Client.GetStringAsync($"/api/v1/uploads/{token}/cleaned?format=csv&excluded=mark")), "cleaned.csv").Labels;
        Assert.Equal(markedNpy, markedCsv);
        Assert.Contains(expected, l => l is null);

        Assert.Equal(HttpStatusCode.BadRequest, (await site.Client.GetAsync($"/api/v1/uploads/{token}/cleaned?format=xlsx")).StatusCode);
    }

    [Fact]
    public async Task Bulk_accept_changes_the_K_worst_undecided_and_one_undo_takes_it_all_back()
    {
        using var data = new SyntheticUpload(examples: 400, classes: 4, seed: 9, flipFraction: 0.12);
        await using var site = await TestSite.StartAsync();
        var (token, key) = await site.UploadAsync(data);
        var issues = await site.IssuesWorstFirstAsync(token);
        Assert.True(issues.Count >= 8, $"expected flagged examples, got {issues.Count}");

        // The worst one is decided by hand first: the bulk action leaves it alone and takes the next five.
        await site.DecideAsync(token, key, issues[0].Index, "keep");
        var preview = TestSite.Json(await (await site.PostAsOwnerAsync($"/api/v1/uploads/{token}/decisions/bulk-accept?worst=5&preview=true", key)).Content.ReadAsStringAsync());
        var previewed = preview.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("index").GetInt32()).ToArray();
        Assert.Equal(issues.Skip(1).Take(5).Select(i => i.Index).ToArray(), previewed);
        var unchanged = await site.Client.GetStringAsync($"/api/v1/uploads/{token}/cleaned?format=csv");
        Assert.Equal(data.Labels.Select(l => (int)l).ToArray(), LabelsCsv.Read(new StringReader(unchanged), "c.csv").Labels);

        var applied = await site.PostAsOwnerAsync($"/api/v1/uploads/{token}/decisions/bulk-accept?worst=5", key);
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        var afterBulk = LabelsCsv.Read(new StringReader(await site.Client.GetStringAsync($"/api/v1/uploads/{token}/cleaned?format=csv")), "c.csv").Labels;
        for (var i = 0; i < data.Examples; i++)
        {
            var bulk = issues.Skip(1).Take(5).Where(x => x.Index == i).ToList();
            Assert.Equal(bulk.Count == 1 ? bulk[0].Suggested : (int)data.Labels[i], afterBulk[i]);
        }

        var undo = TestSite.Json(await (await site.PostAsOwnerAsync($"/api/v1/uploads/{token}/decisions/undo", key)).Content.ReadAsStringAsync());
        Assert.Equal(previewed.Order().ToArray(), undo.GetProperty("undone").EnumerateArray().Select(e => e.GetInt32()).Order().ToArray());
        var afterUndo = await site.Client.GetStringAsync($"/api/v1/uploads/{token}/cleaned?format=csv");
        Assert.Equal(unchanged, afterUndo);

        // The hand-made decision is next in line for undo, and the log keeps everything, undone rows marked.
        var log = (await site.Client.GetStringAsync($"/api/v1/uploads/{token}/decisions.csv")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray();
        Assert.Equal(6, log.Length);
        Assert.EndsWith(",", log[0]);
        Assert.All(log.Skip(1), line => Assert.Matches(@",[0-9a-f]{32},\d{4}-\d\d-\d\dT", line));
    }

    [Fact]
    public async Task Decisions_need_the_owner_key_while_the_share_link_reads_the_exports()
    {
        using var data = new SyntheticUpload(examples: 200, classes: 3, seed: 4, flipFraction: 0.15);
        await using var site = await TestSite.StartAsync();
        var (token, key) = await site.UploadAsync(data);
        var issues = await site.IssuesWorstFirstAsync(token);

        var refused = await site.PostAsOwnerAsync($"/api/v1/uploads/{token}/decisions", key + "x", new { index = issues[0].Index, decision = "exclude" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await site.PostAsOwnerAsync($"/api/v1/uploads/{token}/decisions/undo", "")).StatusCode);
        var badClass = await site.PostAsOwnerAsync($"/api/v1/uploads/{token}/decisions", key, new { index = issues[0].Index, decision = "relabel", label = 3 });
        Assert.Equal(HttpStatusCode.BadRequest, badClass.StatusCode);
        Assert.Single((await site.Client.GetStringAsync($"/api/v1/uploads/{token}/decisions.csv")).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(HttpStatusCode.NotFound, (await site.Client.GetAsync("/api/v1/uploads/AAAAAAAAAAAAAAAAAAAAAA/cleaned")).StatusCode);
    }
}
