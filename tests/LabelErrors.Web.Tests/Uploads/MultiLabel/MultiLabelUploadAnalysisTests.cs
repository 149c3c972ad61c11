using System.Net;
using LabelErrors.Data.Entities;
using LabelErrors.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace LabelErrors.Web.Tests.Uploads.MultiLabel;

/// <summary>
/// A multi-label upload over HTTP, analysed by the job and stored: the flagged examples, their rank, the flagged
/// (example, class) pairs and every score are cleanlab 2.9.0's on the same files.
/// </summary>
public sealed class MultiLabelUploadAnalysisTests
{
    [Fact]
    public async Task A_multi_label_upload_stores_cleanlabs_issues_pairs_and_scores()
    {
        await using var app = await TestSite.StartAsync();
        var accepted = await app.Api.PostAcceptedAsync(new UploadForm()
            .File("labels", MultiLabelReferenceSet.LabelsPath).File("pred_probs", MultiLabelReferenceSet.PredProbsPath)
            .Field("task", "multi-label").Field("name", "tags"));
        var job = await app.Api.WaitAsync(accepted.GetProperty("jobUrl").GetString()!);
        Assert.Equal("succeeded", job.GetProperty("state").GetString());

        await using var db = await app.DbAsync();
        var dataset = await db.Datasets.SingleAsync();
        Assert.Equal(UploadTask.MultiLabel, dataset.Upload!.Task);
        Assert.Equal(4, dataset.ClassCount);
        var examples = await db.Examples.Where(e => e.DatasetId == dataset.Id).OrderBy(e => e.StudyIndex).ToListAsync();
        Assert.Equal(400, examples.Count);

        // find_label_issues (filter_by prune_by_noise_rate, the default) ranked by self_confidence, the upload's rank_by.
        var ranked = MultiLabelReferenceSet.Indices("find_label_issues__return_indices_ranked_by=self_confidence.json");
        Assert.Equal(ranked, examples.Where(e => e.IssueRank != null).OrderBy(e => e.IssueRank).Select(e => (int)e.StudyIndex).ToArray());
        Assert.All(examples, e => Assert.Equal(e.IssueRank != null, e.IsClFlagged));

        var scores = MultiLabelReferenceSet.Scores("get_label_quality_scores__method=self_confidence.csv");
        var margins = MultiLabelReferenceSet.Scores("get_label_quality_scores__method=normalized_margin.csv");
        var labels = MultiLabelReferenceSet.Labels;
        for (var i = 0; i < 400; i++)
        {
            Assert.Equal(scores[i][0], examples[i].LabelQuality!.Value, 1e-9);
            Assert.Equal(margins[i][0], examples[i].NormalizedMargin!.Value, 1e-9);
            Assert.Equal(labels[i].Length == 0 ? -1 : labels[i].Min(), examples[i].GivenLabel);
        }

        // Every flagged (example, class) pair is find_multilabel_issues_per_class's, with its kind; every given class is kept.
        var idToIndex = examples.ToDictionary(e => e.Id, e => (int)e.StudyIndex);
        var rows = (await db.ExampleClassLabels.Where(l => l.DatasetId == dataset.Id).ToListAsync())
            .Select(l => (Index: idToIndex[l.ExampleId], Row: l)).ToList();
        var perClass = MultiLabelReferenceSet.PerClass("find_multilabel_issues_per_class.json");
        for (var c = 0; c < 4; c++)
            Assert.Equal(perClass[c], rows.Where(r => r.Row.ClassIndex == c && r.Row.Issue != null).Select(r => r.Index).Order().ToArray());
        Assert.Contains(rows, r => r.Row.Issue == MultiLabelIssueKind.LabelMissing);
        Assert.Contains(rows, r => r.Row.Issue == MultiLabelIssueKind.LabelWrong);
        foreach (var (index, row) in rows.Where(r => r.Row.Issue != null))
            Assert.Equal(row.Issue == MultiLabelIssueKind.LabelWrong, labels[index].Contains(row.ClassIndex));
        Assert.Equal(labels.Sum(l => l.Length), rows.Count(r => r.Row.IsGiven));
        foreach (var (index, row) in rows)
            Assert.Equal(labels[index].Contains(row.ClassIndex), row.IsGiven);

        var perClassQuality = MultiLabelReferenceSet.Scores("get_label_quality_scores_per_class__method=self_confidence.csv");
        foreach (var (index, row) in rows)
            Assert.Equal(perClassQuality[index][row.ClassIndex], row.Quality, 1e-9);
    }

    [Fact]
    public async Task An_unknown_task_and_a_bad_multi_label_file_are_refused_naming_the_field_and_nothing_is_stored()
    {
        await using var app = await TestSite.StartAsync(new Dictionary<string, string?> { ["Jobs:WorkerCount"] = "0" });
        var form = () => new UploadForm().File("labels", MultiLabelReferenceSet.LabelsPath).File("pred_probs", MultiLabelReferenceSet.PredProbsPath);

        var (status, error, field) = await app.Api.PostRejectedAsync(form().Field("task", "multi-whatever"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("task", field);
        Assert.Contains("multi-class, multi-label, multi-annotator", error);

        var lines = MultiLabelReferenceSet.Labels.Select(l => string.Join(',', l)).ToArray();
        lines[2] = "2,7";
        (status, error, field) = await app.Api.PostRejectedAsync(new UploadForm()
            .File("labels", "tags.txt", System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"))
            .File("pred_probs", MultiLabelReferenceSet.PredProbsPath).Field("task", "multi-label"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("labels", field);
        Assert.Equal("tags.txt: row 3: class id 7 is out of range: pred_probs has 4 classes, so class ids must be in 0..3", error);

        (status, error, field) = await app.Api.PostRejectedAsync(new UploadForm()
            .File("labels", "tags.json", System.Text.Encoding.UTF8.GetBytes("[[0],[1,\"x\"]]"))
            .File("pred_probs", MultiLabelReferenceSet.PredProbsPath).Field("task", "multi-label"));
        Assert.Equal(("labels", "tags.json: row 1: \"x\" is not a class id (a non-negative integer)"), (field, error));

        var everyExampleHasClass0 = string.Join('\n', MultiLabelReferenceSet.Labels.Select(l => string.Join(',', l.Append(0).Distinct()))) + "\n";
        (status, error, field) = await app.Api.PostRejectedAsync(new UploadForm()
            .File("labels", "all0.txt", System.Text.Encoding.UTF8.GetBytes(everyExampleHasClass0))
            .File("pred_probs", MultiLabelReferenceSet.PredProbsPath).Field("task", "multi-label"));
        Assert.Equal("labels", field);
        Assert.StartsWith("all0.txt: Labels must contain at least 2 classes: class 0 is in every example", error);

        (status, error, field) = await app.Api.PostRejectedAsync(new UploadForm()
            .File("labels", "tags.npy", [1, 2, 3]).File("pred_probs", MultiLabelReferenceSet.PredProbsPath).Field("task", "multi-label"));
        Assert.Equal(("labels", "tags.npy: expected a .json or .txt or .csv file"), (field, error));

        await using var db = await app.DbAsync();
        Assert.Equal(0, await db.Datasets.CountAsync());
        Assert.Empty(app.StoredFiles());
    }
}
