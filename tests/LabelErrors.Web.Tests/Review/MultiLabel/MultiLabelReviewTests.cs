using System.Globalization;
using System.Net;
using System.Text.Json;
using LabelErrors.Data.Entities;
using LabelErrors.Tests.Shared;
using LabelErrors.Web.Charting.MultiLabel;
using LabelErrors.Web.Review.MultiLabel;
using LabelErrors.Web.Tests.Uploads.MultiLabel;
using LabelErrors.Web.Uploads;
using Microsoft.Extensions.DependencyInjection;

namespace LabelErrors.Web.Tests.Review.MultiLabel;

/// <summary>
/// The review of a multi-label upload (the 400 × 4 reference set) over the API and the session: decisions on label sets,
/// the exports with and without them, refusals, undo, bulk accept, and the charts. Expected sets are worked out here
/// from the uploaded labels and cleanlab's per-class issues, not by the app.
/// </summary>
public sealed class MultiLabelReviewTests : IAsyncLifetime
{
    private static readonly int[] Ranked = MultiLabelReferenceSet.Indices("find_label_issues__return_indices_ranked_by=self_confidence.json");
    private static readonly int[][] PerClass = MultiLabelReferenceSet.PerClass("find_multilabel_issues_per_class.json");
    private static readonly int[][] Given = MultiLabelReferenceSet.Labels;
    private const int K = 4;

    private TestSite _site = null!;

    // The sessions read the queue 3 items at a time, so moving and deciding cross windows.
    public async Task InitializeAsync() => _site = await TestSite.StartAsync(new Dictionary<string, string?> { ["Review:QueueWindow"] = "3" });

    public async Task DisposeAsync() => await _site.DisposeAsync();

    private static bool Flagged(int example, int c) => PerClass[c].Contains(example);

    private static int[] Suggested(int example) => Enumerable.Range(0, K).Where(c => Given[example].Contains(c) != Flagged(example, c)).ToArray();

    private static int[] GivenSorted(int example) => Given[example].Order().ToArray();

    [Fact]
    public async Task Without_decisions_the_exports_are_the_suggested_sets_and_the_cleaned_labels_the_given_ones()
    {
        var (token, _) = await UploadAsync();
        Assert.Equal(Enumerable.Range(0, Given.Length).Select(Suggested), await JsonSetsAsync($"/api/v1/uploads/{token}/labels-fixed.json"));
        Assert.Equal(Enumerable.Range(0, Given.Length).Select(i => Row(i, Suggested(i))), await CsvRowsAsync($"/api/v1/uploads/{token}/labels-fixed.csv"));
        Assert.Equal(Enumerable.Range(0, Given.Length).Select(GivenSorted), await JsonSetsAsync($"/api/v1/uploads/{token}/cleaned"));
        var log = await _site.Client.GetStringAsync($"/api/v1/uploads/{token}/decisions.csv");
        Assert.Equal(MultiLabelDecisionLog.Header, log.TrimEnd('\n'));
    }

    [Fact]
    public async Task Decisions_on_label_sets_are_applied_by_every_export()
    {
        var (token, key) = await UploadAsync();
        var (accepted, kept, custom, excluded, unsure) = (Ranked[0], Ranked[1], Ranked[2], Ranked[3], Ranked[4]);
        var customSet = Enumerable.Range(0, K).First(c => !new[] { c }.SequenceEqual(GivenSorted(custom)) && !new[] { c }.SequenceEqual(Suggested(custom)));

        await DecideAsync(token, key, new { index = accepted, decision = "accept", note = "the model is right" });
        await DecideAsync(token, key, new { index = kept, decision = "keep" });
        await DecideAsync(token, key, new { index = custom, decision = "relabel", labels = new[] { customSet, customSet } });
        await DecideAsync(token, key, new { index = excluded, decision = "exclude" });
        await DecideAsync(token, key, new { index = unsure, decision = "needs_review" });

        var fixedSets = Enumerable.Range(0, Given.Length).Where(i => i != excluded)
            .Select(i => (i, i == kept ? GivenSorted(i) : i == custom ? new[] { customSet } : Suggested(i))).ToList();
        Assert.Equal(fixedSets.Select(s => s.Item2), await JsonSetsAsync($"/api/v1/uploads/{token}/labels-fixed.json"));
        Assert.Equal(fixedSets.Select(s => Row(s.i, s.Item2)), await CsvRowsAsync($"/api/v1/uploads/{token}/labels-fixed.csv"));

        var cleaned = Enumerable.Range(0, Given.Length)
            .Select(i => i == excluded ? null : i == accepted ? Suggested(i) : i == custom ? [customSet] : GivenSorted(i)).ToList();
        Assert.Equal(cleaned, await JsonSetsAsync($"/api/v1/uploads/{token}/cleaned?format=json&excluded=mark"));
        Assert.Equal(cleaned.Where(s => s is not null), await JsonSetsAsync($"/api/v1/uploads/{token}/cleaned?excluded=drop"));
        var markedCsv = await CsvRowsAsync($"/api/v1/uploads/{token}/cleaned?format=csv&excluded=mark");
        Assert.Equal(cleaned.Select((s, i) => Row(i, s ?? [-1])), markedCsv);

        var log = (await _site.Client.GetStringAsync($"/api/v1/uploads/{token}/decisions.csv")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(6, log.Length);
        Assert.StartsWith($"{accepted},accept,{Join(Suggested(accepted))},{Join(GivenSorted(accepted))},{Join(Suggested(accepted))},the model is right,", log[1]);
        Assert.StartsWith($"{kept},keep,{Join(GivenSorted(kept))},", log[2]);
        Assert.StartsWith($"{custom},relabel,{customSet},", log[3]);
        Assert.StartsWith($"{excluded},exclude,,", log[4]);
        Assert.StartsWith($"{unsure},needs_review,,", log[5]);

        // A changed mind: the latest decision counts.
        await DecideAsync(token, key, new { index = excluded, decision = "relabel", labels = Array.Empty<int>() });
        var after = await JsonSetsAsync($"/api/v1/uploads/{token}/cleaned?excluded=mark");
        Assert.Equal([], after[excluded]!);
    }

    [Theory]
    [InlineData("{\"index\":IDX,\"decision\":\"relabel\",\"labels\":[0,4]}", "labels")]
    [InlineData("{\"index\":IDX,\"decision\":\"relabel\",\"labels\":[-1]}", "labels")]
    [InlineData("{\"index\":IDX,\"decision\":\"relabel\"}", "labels")]
    [InlineData("{\"index\":IDX,\"decision\":\"keep\",\"labels\":[1]}", "labels")]
    [InlineData("{\"index\":IDX,\"decision\":\"relabel\",\"label\":1}", "label")]
    [InlineData("{\"index\":400,\"decision\":\"keep\"}", "index")]
    [InlineData("{\"index\":IDX,\"decision\":\"maybe\"}", "decision")]
    public async Task Bad_decisions_are_refused_with_a_problem_naming_the_field(string body, string field)
    {
        var (token, key) = await UploadAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/uploads/{token}/decisions")
        {
            Content = new StringContent(body.Replace("IDX", Ranked[0].ToString(CultureInfo.InvariantCulture)), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Owner-Key", key);
        var response = await _site.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(field, TestSite.Json(await response.Content.ReadAsStringAsync()).GetProperty("field").GetString());
        Assert.Equal(MultiLabelDecisionLog.Header, (await _site.Client.GetStringAsync($"/api/v1/uploads/{token}/decisions.csv")).TrimEnd('\n'));

        var withoutKey = await _site.Client.PostAsync($"/api/v1/uploads/{token}/decisions",
            new StringContent($"{{\"index\":{Ranked[0]},\"decision\":\"keep\"}}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Forbidden, withoutKey.StatusCode);
    }

    [Fact]
    public async Task A_multi_class_upload_refuses_a_label_set_naming_the_field()
    {
        using var data = new SyntheticUpload(examples: 200, classes: 3, seed: 4, flipFraction: 0.1);
        var (token, key) = await _site.UploadAsync(data);
        var issues = await _site.IssuesWorstFirstAsync(token);
        var response = await _site.PostAsOwnerAsync($"/api/v1/uploads/{token}/decisions", key, new { index = issues[0].Index, decision = "relabel", labels = new[] { 1 } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("labels", TestSite.Json(await response.Content.ReadAsStringAsync()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task Bulk_accept_gives_the_first_undecided_their_suggested_sets_and_one_undo_takes_it_back()
    {
        var (token, key) = await UploadAsync();
        await DecideAsync(token, key, new { index = Ranked[0], decision = "keep" });

        var preview = TestSite.Json(await (await _site.PostAsOwnerAsync($"/api/v1/uploads/{token}/decisions/bulk-accept?worst=3&preview=true", key)).Content.ReadAsStringAsync());
        var changes = preview.GetProperty("changes").EnumerateArray().ToList();
        Assert.Equal(Ranked.Skip(1).Take(3), changes.Select(c => c.GetProperty("index").GetInt32()));
        foreach (var change in changes)
        {
            var i = change.GetProperty("index").GetInt32();
            Assert.Equal(GivenSorted(i), change.GetProperty("givenLabels").EnumerateArray().Select(e => e.GetInt32()));
            Assert.Equal(Suggested(i), change.GetProperty("suggestedLabels").EnumerateArray().Select(e => e.GetInt32()));
        }
        Assert.Equal(Enumerable.Range(0, Given.Length).Select(GivenSorted), await JsonSetsAsync($"/api/v1/uploads/{token}/cleaned"));

        Assert.Equal(HttpStatusCode.OK, (await _site.PostAsOwnerAsync($"/api/v1/uploads/{token}/decisions/bulk-accept?worst=3", key)).StatusCode);
        var bulk = Ranked.Skip(1).Take(3).ToHashSet();
        Assert.Equal(Enumerable.Range(0, Given.Length).Select(i => bulk.Contains(i) ? Suggested(i) : GivenSorted(i)), await JsonSetsAsync($"/api/v1/uploads/{token}/cleaned"));

        var undo = TestSite.Json(await (await _site.PostAsOwnerAsync($"/api/v1/uploads/{token}/decisions/undo", key)).Content.ReadAsStringAsync());
        Assert.Equal(bulk.Order(), undo.GetProperty("undone").EnumerateArray().Select(e => e.GetInt32()).Order());
        Assert.Equal(Enumerable.Range(0, Given.Length).Select(GivenSorted), await JsonSetsAsync($"/api/v1/uploads/{token}/cleaned"));
    }

    [Fact]
    public async Task The_session_queues_the_gallery_order_and_a_toggled_set_is_recorded_as_what_it_means()
    {
        var (token, _) = await UploadAsync();
        var upload = (await _site.Services.GetRequiredService<UploadQueries>().FindAsync(token, CancellationToken.None))!;
        using var session = await _site.Services.GetRequiredService<MultiLabelReviewSessions>().OpenAsync(upload);

        Assert.Equal(Ranked.Select(i => (long)i), (await ReviewQueueWalk.AllAsync(_site.Services.GetRequiredService<MultiLabelReviewService>().Queue(session.Dataset.Id))).Select(q => q.StudyIndex));
        Assert.Equal(Ranked.Length, session.Total);
        var first = Ranked[0];
        Assert.Equal(first, session.Current!.StudyIndex);
        Assert.Equal(Suggested(first), session.Draft);

        // Toggling every flagged class back gives the given set: saved, that is "keep".
        foreach (var c in Enumerable.Range(0, K).Where(c => Flagged(first, c)))
            session.Toggle(c);
        Assert.Equal(GivenSorted(first), session.Draft);
        await session.SaveDraftAsync();
        Assert.Equal(ReviewDecisionKind.Keep, session.Decisions[first].Kind);
        Assert.Equal(Ranked[1], session.Current!.StudyIndex);

        // One class toggled away from the suggestion: a custom set.
        var second = Ranked[1];
        var toggled = Enumerable.Range(0, K).First(c => !Flagged(second, c));
        session.Toggle(toggled);
        await session.SaveDraftAsync();
        var expected = Suggested(second).Contains(toggled) ? Suggested(second).Where(c => c != toggled) : Suggested(second).Append(toggled).Order();
        Assert.Equal(ReviewDecisionKind.Relabel, session.Decisions[second].Kind);
        Assert.Equal(expected, session.Decisions[second].Labels!);

        Assert.True(await session.HandleKeyAsync("w"));
        Assert.Equal(ReviewDecisionKind.Accept, session.Decisions[Ranked[2]].Kind);
        Assert.Equal(3, session.Decided);
        Assert.True(await session.HandleKeyAsync("z"));
        Assert.Equal(2, session.Decided);
        Assert.Equal(Ranked[2], session.Current!.StudyIndex);
        Assert.False(session.Decisions.ContainsKey(Ranked[2]));
    }

    [Fact]
    public async Task The_charts_count_cleanlabs_flagged_pairs_per_class_and_bin_every_scored_example()
    {
        var (token, _) = await UploadAsync();
        var upload = (await _site.Services.GetRequiredService<UploadQueries>().FindAsync(token, CancellationToken.None))!;
        var charts = await _site.Services.GetRequiredService<MultiLabelCharts>().LoadAsync(upload.Dataset.Slug);

        Assert.NotNull(charts);
        Assert.Equal(Ranked.Length, charts.FlaggedExamples);
        for (var c = 0; c < K; c++)
        {
            Assert.Equal(PerClass[c].Count(i => Given[i].Contains(c)), charts.Classes[c].LabelWrong);
            Assert.Equal(PerClass[c].Count(i => !Given[i].Contains(c)), charts.Classes[c].LabelMissing);
        }
        var scores = MultiLabelReferenceSet.Scores("get_label_quality_scores__method=self_confidence.csv").Select(r => r[0]).ToArray();
        var flagged = Ranked.ToHashSet();
        for (var b = 0; b < MultiLabelCharts.Bins; b++)
        {
            bool In(double q) => Math.Min((int)Math.Floor(q * MultiLabelCharts.Bins), MultiLabelCharts.Bins - 1) == b;
            Assert.Equal(Enumerable.Range(0, Given.Length).Count(i => flagged.Contains(i) && In(scores[i])), charts.Quality[b].Flagged);
            Assert.Equal(Enumerable.Range(0, Given.Length).Count(i => !flagged.Contains(i) && In(scores[i])), charts.Quality[b].NotFlagged);
        }

        var api = TestSite.Json(await _site.Client.GetStringAsync($"/api/v1/uploads/{token}/charts"));
        Assert.Equal(charts.Classes.Select(c => c.LabelWrong), api.GetProperty("classes").EnumerateArray().Select(c => c.GetProperty("labelWrong").GetInt32()));
        Assert.Equal(charts.Quality.Select(q => q.Flagged), api.GetProperty("labelQuality").EnumerateArray().Select(q => q.GetProperty("flagged").GetInt32()));
        var page = await _site.Client.GetStringAsync($"/charts/{upload.Dataset.Slug}");
        Assert.Contains("Label issues per class", page);
    }

    private async Task<(string Token, string Key)> UploadAsync()
    {
        var accepted = await _site.Api.PostAcceptedAsync(new UploadForm()
            .File("labels", MultiLabelReferenceSet.LabelsPath).File("pred_probs", MultiLabelReferenceSet.PredProbsPath)
            .Field("task", "multi-label").Field("name", "tags"));
        var job = await _site.Api.WaitAsync(accepted.GetProperty("jobUrl").GetString()!);
        Assert.Equal("succeeded", job.GetProperty("state").GetString());
        return (accepted.GetProperty("token").GetString()!, accepted.GetProperty("ownerKey").GetString()!);
    }

    private async Task DecideAsync(string token, string key, object body)
    {
        var response = await _site.PostAsOwnerAsync($"/api/v1/uploads/{token}/decisions", key, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private async Task<List<int[]?>> JsonSetsAsync(string url) =>
        JsonSerializer.Deserialize<List<int[]?>>(await _site.Client.GetStringAsync(url))!;

    /// <summary>The CSV's data rows as written (<c>index,labels</c>, ids separated by ';').</summary>
    private async Task<List<string>> CsvRowsAsync(string url)
    {
        var lines = (await _site.Client.GetStringAsync(url)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("index,labels", lines[0]);
        return lines.Skip(1).ToList();
    }

    private static string Row(int index, IEnumerable<int> set) => $"{index},{Join(set)}";

    private static string Join(IEnumerable<int> set) => string.Join(';', set);
}
