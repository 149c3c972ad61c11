using System.Net;
using System.Text.Json;
using LabelErrors.Data.Entities;
using LabelErrors.Tests.Shared;
using LabelErrors.Web.Uploads;
using LabelErrors.Web.Uploads.MultiLabel;
using Microsoft.Extensions.DependencyInjection;

namespace LabelErrors.Web.Tests.Uploads.MultiLabel;

/// <summary>One analysed multi-label upload (the 400 × 4 reference set) shared by the read-side tests.</summary>
public sealed class MultiLabelUploadFixture : IAsyncLifetime
{
    public TestSite App { get; private set; } = null!;
    public string Token { get; private set; } = "";
    public int DatasetId { get; private set; }

    public async Task InitializeAsync()
    {
        App = await TestSite.StartAsync();
        var accepted = await App.Api.PostAcceptedAsync(new UploadForm()
            .File("labels", MultiLabelReferenceSet.LabelsPath).File("pred_probs", MultiLabelReferenceSet.PredProbsPath)
            .Field("task", "multi-label").Field("name", "tags"));
        Token = accepted.GetProperty("token").GetString()!;
        var job = await App.Api.WaitAsync(accepted.GetProperty("jobUrl").GetString()!);
        Assert.Equal("succeeded", job.GetProperty("state").GetString());
        DatasetId = (await App.Services.GetRequiredService<UploadQueries>().FindAsync(Token, CancellationToken.None))!.Dataset.Id;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>
/// The gallery, permalink, exports and API of a multi-label upload read what the job stored, checked against cleanlab's
/// per-class issues and ranked issues on the same files.
/// </summary>
public sealed class MultiLabelResultsTests(MultiLabelUploadFixture fixture) : IClassFixture<MultiLabelUploadFixture>
{
    private static readonly int[] Ranked = MultiLabelReferenceSet.Indices("find_label_issues__return_indices_ranked_by=self_confidence.json");
    private static readonly int[][] PerClass = MultiLabelReferenceSet.PerClass("find_multilabel_issues_per_class.json");
    private static readonly int[][] Given = MultiLabelReferenceSet.Labels;

    private MultiLabelGallery Gallery => fixture.App.Services.GetRequiredService<MultiLabelGallery>();

    private static bool Flagged(int example, int c) => PerClass[c].Contains(example);

    private static int[] Cleaned(int example) => Enumerable.Range(0, 4).Where(c => Given[example].Contains(c) != Flagged(example, c)).ToArray();

    [Fact]
    public async Task The_default_view_is_the_flagged_examples_in_rank_order_with_their_chips()
    {
        var page = await Gallery.SearchAsync(fixture.DatasetId, new MultiLabelView());
        Assert.Equal(Ranked.Length, page.Total);
        Assert.Equal(Ranked.Take(MultiLabelView.PageSize).Select(i => (long)i), page.Examples.Select(e => e.StudyIndex));
        foreach (var example in page.Examples)
        {
            var i = (int)example.StudyIndex;
            Assert.Equal(Given[i].Order(), example.Given);
            Assert.Equal(Cleaned(i), example.Suggested);
        }
        var last = await Gallery.SearchAsync(fixture.DatasetId, new MultiLabelView(Page: page.PageCount));
        Assert.Equal(Ranked.Skip((page.PageCount - 1) * MultiLabelView.PageSize).Select(i => (long)i), last.Examples.Select(e => e.StudyIndex));
    }

    [Theory]
    [InlineData(true, 2, null)]
    [InlineData(true, null, MultiLabelIssueKind.LabelMissing)]
    [InlineData(true, 1, MultiLabelIssueKind.LabelWrong)]
    [InlineData(false, 0, MultiLabelIssueKind.LabelMissing)]
    public async Task Filters_by_class_and_kind_select_cleanlabs_pairs(bool all, int? classIndex, MultiLabelIssueKind? kind)
    {
        var expected = Enumerable.Range(0, 400).Where(i => (all || Ranked.Contains(i)) && Enumerable.Range(0, 4).Any(c =>
            (classIndex is null || c == classIndex)
            && (kind is null ? Given[i].Contains(c) || Flagged(i, c)
                : Flagged(i, c) && (kind == MultiLabelIssueKind.LabelWrong) == Given[i].Contains(c)))).ToHashSet();

        var view = new MultiLabelView(all, classIndex, kind);
        var found = new List<long>();
        for (var p = 1; ; p++)
        {
            var page = await Gallery.SearchAsync(fixture.DatasetId, view with { Page = p });
            Assert.Equal(expected.Count, page.Total);
            found.AddRange(page.Examples.Select(e => e.StudyIndex));
            if (p >= page.PageCount)
                break;
        }
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Order().Select(i => (long)i), found.Order());
        Assert.Equal(found.Count, found.Distinct().Count());
    }

    [Fact]
    public async Task The_permalink_walks_its_view_and_shows_the_per_class_quality()
    {
        var view = fixture.App.Services.GetRequiredService<UploadExampleView>();
        var page = await view.LoadAsync(fixture.Token, Ranked[1], "");
        Assert.Equal(((long?)Ranked[0], (long?)Ranked[2]), (page.Neighbours.Previous, page.Neighbours.Next));
        Assert.NotNull(page.MultiLabel);
        var perClassQuality = MultiLabelReferenceSet.Scores("get_label_quality_scores_per_class__method=self_confidence.csv");
        foreach (var c in page.MultiLabel!.Classes)
            Assert.Equal(perClassQuality[Ranked[1]][c.ClassIndex], c.Quality, 1e-9);

        // In the "label wrong" view, prev/next skip the examples without a wrong label.
        var wrong = Ranked.Where(i => Enumerable.Range(0, 4).Any(c => Flagged(i, c) && Given[i].Contains(c))).ToArray();
        var inWrong = await view.LoadAsync(fixture.Token, wrong[1], "?issue=label-wrong");
        Assert.Equal(((long?)wrong[0], (long?)wrong[2]), (inWrong.Neighbours.Previous, inWrong.Neighbours.Next));
        var first = await view.LoadAsync(fixture.Token, Ranked[0], "?scope=all");
        Assert.True(first.Found);
    }

    [Fact]
    public async Task The_cleaned_labels_toggle_every_flagged_class_in_JSON_and_CSV()
    {
        var json = JsonSerializer.Deserialize<int[][]>(await fixture.App.Client.GetStringAsync($"/api/v1/uploads/{fixture.Token}/labels-fixed.json"))!;
        Assert.Equal(400, json.Length);
        for (var i = 0; i < 400; i++)
            Assert.Equal(Cleaned(i), json[i]);
        Assert.Contains(Enumerable.Range(0, 400), i => !json[i].SequenceEqual(Given[i].Order()));

        var csv = (await fixture.App.Client.GetStringAsync($"/api/v1/uploads/{fixture.Token}/labels-fixed.csv")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("index,labels", csv[0]);
        Assert.Equal(401, csv.Length);
        for (var i = 0; i < 400; i++)
            Assert.Equal($"{i},{string.Join(';', Cleaned(i))}", csv[i + 1]);

        var issues = (await fixture.App.Client.GetStringAsync($"/api/v1/uploads/{fixture.Token}/issues.csv")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(MultiLabelExport.IssuesHeader, issues[0]);
        Assert.Equal(Ranked, issues.Skip(1).Select(l => int.Parse(l.Split(',')[0])));
        var firstFields = issues[1].Split(',');
        Assert.Equal(string.Join(';', Given[Ranked[0]].Order()), firstFields[1]);
        Assert.Equal(string.Join(';', Cleaned(Ranked[0])), firstFields[2]);
    }

    [Fact]
    public async Task The_API_returns_the_same_fields_in_camel_case()
    {
        var body = TestSite.Json(await fixture.App.Client.GetStringAsync($"/api/v1/uploads/{fixture.Token}/examples?issue=label-missing"));
        var items = body.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(24, body.GetProperty("pageSize").GetInt32());
        Assert.NotEmpty(items);
        foreach (var item in items)
        {
            var i = item.GetProperty("index").GetInt32();
            Assert.Equal(Given[i].Order(), item.GetProperty("givenLabels").EnumerateArray().Select(e => e.GetInt32()));
            Assert.Equal(Cleaned(i), item.GetProperty("suggestedLabels").EnumerateArray().Select(e => e.GetInt32()));
            Assert.Contains(item.GetProperty("classes").EnumerateArray(), c => c.GetProperty("issue").GetString() == "label-missing");
            Assert.Equal($"/u/{fixture.Token}/{i}", item.GetProperty("page").GetString());
        }

        var one = TestSite.Json(await fixture.App.Client.GetStringAsync($"/api/v1/uploads/{fixture.Token}/examples/{Ranked[0]}"));
        Assert.Equal(0, one.GetProperty("issueRank").GetInt32());
        var cls = one.GetProperty("classes")[0];
        foreach (var name in new[] { "classIndex", "className", "given", "suggested", "probability", "quality", "issue" })
            Assert.True(cls.TryGetProperty(name, out _), name);

        var missing = await fixture.App.Client.GetAsync($"/api/v1/uploads/{fixture.Token}/examples/4000");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);

        // The review's cleaned labels of a multi-label upload are label sets: before any decision, the given sets.
        var review = await fixture.App.Client.GetStringAsync($"/api/v1/uploads/{fixture.Token}/cleaned");
        Assert.Equal(Given.Select(g => g.Order().ToArray()), JsonSerializer.Deserialize<int[][]>(review)!);
    }
}
