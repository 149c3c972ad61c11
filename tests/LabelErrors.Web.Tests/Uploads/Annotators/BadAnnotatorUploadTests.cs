using System.Text;
using LabelErrors.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace LabelErrors.Web.Tests.Uploads.Annotators;

public sealed class BadAnnotatorUploadFixture : IAsyncLifetime
{
    public TestSite App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await TestSite.StartAsync(new Dictionary<string, string?> { ["Jobs:WorkerCount"] = "0" });

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>A refused multi-annotator upload: a 400 problem naming the form field, the file and the row; nothing stored.</summary>
public sealed class BadAnnotatorUploadTests(BadAnnotatorUploadFixture fixture) : IClassFixture<BadAnnotatorUploadFixture>
{
    // Four examples, three classes; the base upload is valid (see the last test).
    private const string PredProbs = "0.8,0.1,0.1\n0.1,0.8,0.1\n0.1,0.1,0.8\n0.3,0.3,0.4\n";
    private const string Annotations = "ann_a,ann_b,ann_c\n0,0,\n1,,1\n2,1,2\n,2,2\n";

    public static TheoryData<string, string, string, string, string, string> Cases => new()
    {
        // name, annotations, pred_probs, extra field "k=v", expected field, expected part of the message
        { "ragged row", "ann_a,ann_b,ann_c\n0,0,\n1,1\n2,1,2\n,2,2\n", PredProbs, "", "labels", "votes.csv: row 3: expected 3 cells" },
        { "class id out of range", "ann_a,ann_b,ann_c\n0,0,\n1,,7\n2,1,2\n,2,2\n", PredProbs, "", "labels", "votes.csv: row 3: annotator 'ann_c': label 7 is out of range" },
        { "annotator who labelled nothing", "ann_a,ann_b,idle\n0,0,\n1,1,\n2,1,\n,2,\n", PredProbs, "", "labels", "annotator 'idle' (column 3) labelled no example" },
        { "example nobody labelled", "ann_a,ann_b,ann_c\n0,0,\n,,\n2,1,2\n,2,2\n", PredProbs, "", "labels", "votes.csv: row 3: no annotator labelled this example" },
        { "not a class id", "ann_a,ann_b,ann_c\n0,0,\n1,,cat\n2,1,2\n,2,2\n", PredProbs, "", "labels", "'cat' is not a class index" },
        { "NaN in pred_probs", Annotations, "0.8,0.1,0.1\n0.1,nan,0.1\n0.1,0.1,0.8\n0.3,0.3,0.4\n", "", "pred_probs", "probs.csv: row" },
        { "fewer pred_probs rows", Annotations, "0.8,0.1,0.1\n0.1,0.8,0.1\n0.1,0.1,0.8\n", "", "pred_probs", "pred_probs has 3 rows but votes.csv has 4 examples" },
        { "one annotator", "ann_a\n0\n1\n2\n2\n", PredProbs, "", "labels", "only one annotator" },
        { "formula annotator id", "ann_a,=cmd,ann_c\n0,0,\n1,,1\n2,1,2\n,2,2\n", PredProbs, "", "labels", "starts like a spreadsheet formula" },
        { "unknown task", Annotations, PredProbs, "task=multi-annotators", "task", "task 'multi-annotators' is not one of multi-class, multi-label, multi-annotator" },
        { "unknown consensus method", Annotations, PredProbs, "consensus_method=mode", "consensus_method", "consensus_method 'mode' is not one of best_quality, majority_vote" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_bad_multi_annotator_upload_is_refused_before_anything_is_stored(
        string name, string annotations, string predProbs, string extra, string field, string messagePart)
    {
        var form = Form(annotations, predProbs);
        if (extra.Length > 0)
        {
            var (key, value) = (extra[..extra.IndexOf('=')], extra[(extra.IndexOf('=') + 1)..]);
            form = key == "task" ? Form(annotations, predProbs, task: value) : form.Field(key, value);
        }

        var (status, error, actualField) = await fixture.App.Api.PostRejectedAsync(form);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, status);
        Assert.True(error.Contains(messagePart, StringComparison.Ordinal), $"{name}: '{error}' lacks '{messagePart}'");
        Assert.DoesNotContain('\n', error);
        Assert.Equal(field, actualField);
        await using var db = await fixture.App.DbAsync();
        Assert.Equal(0, await db.Datasets.CountAsync());
        Assert.Equal(0, await db.AnalysisJobs.CountAsync());
        Assert.Empty(fixture.App.StoredFiles());
    }

    [Fact]
    public async Task Annotations_as_npy_are_refused_with_the_format_the_task_needs()
    {
        var form = new UploadForm()
            .File("labels", "votes.npy", NpyBytes.Int64([0, 1, 2, 2]))
            .File("pred_probs", "probs.csv", Encoding.UTF8.GetBytes(PredProbs))
            .Field("task", "multi-annotator");
        var (_, error, field) = await fixture.App.Api.PostRejectedAsync(form);
        Assert.Equal("labels", field);
        Assert.Contains("needs the annotations as CSV", error);
    }

    [Fact]
    public async Task The_valid_base_is_accepted()
    {
        var response = await fixture.App.Client.PostAsync("/api/v1/uploads", Form(Annotations, PredProbs).Build());
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        await using var db = await fixture.App.DbAsync();
        await db.AnalysisJobs.ExecuteDeleteAsync();
        await db.Datasets.ExecuteDeleteAsync();
        foreach (var folder in Directory.GetDirectories(fixture.App.UploadsRoot))
            Directory.Delete(folder, recursive: true);
    }

    private static UploadForm Form(string annotations, string predProbs, string task = "multi-annotator") => new UploadForm()
        .File("labels", "votes.csv", Encoding.UTF8.GetBytes(annotations))
        .File("pred_probs", "probs.csv", Encoding.UTF8.GetBytes(predProbs))
        .Field("task", task);
}
