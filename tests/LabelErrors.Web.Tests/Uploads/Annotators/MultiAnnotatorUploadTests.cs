using System.Net;
using System.Text.Json;
using LabelErrors.Data.Entities;
using LabelErrors.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LabelErrors.Web.Tests.Uploads.Annotators;

public sealed class MultiAnnotatorUploadTests
{
    [Theory]
    [InlineData("best_quality")]
    [InlineData("majority_vote")]
    public async Task A_multi_annotator_upload_stores_cleanlabs_consensus_votes_and_annotator_stats(string consensusMethod)
    {
        var reference = new MultiAnnotatorReference("synthetic_N500_M5_K4");
        await using var app = await TestSite.StartAsync();

        var accepted = await app.Api.PostAcceptedAsync(new UploadForm()
            .File("labels", reference.LabelsPath).File("pred_probs", reference.PredProbsPath)
            .Field("task", "multi-annotator").Field("consensus_method", consensusMethod).Field("name", "five annotators"));
        var job = await app.Api.WaitAsync(accepted.GetProperty("jobUrl").GetString()!);
        Assert.Equal("succeeded", job.GetProperty("state").GetString());

        await using var db = await app.DbAsync();
        var dataset = await db.Datasets.SingleAsync();
        Assert.Equal(UploadTask.MultiAnnotator, dataset.Upload!.Task);
        Assert.Equal(4, dataset.ClassCount);
        var examples = await db.Examples.Where(e => e.DatasetId == dataset.Id).OrderBy(e => e.StudyIndex).ToListAsync();
        var expected = reference.LabelQuality(consensusMethod);
        Assert.Equal(expected.Count, examples.Count);
        for (var i = 0; i < examples.Count; i++)
        {
            Assert.Equal(expected[i].Label, examples[i].GivenLabel);
            Assert.Equal(expected[i].Quality, examples[i].LabelQuality!.Value, 1e-9);
            Assert.Equal(expected[i].Agreement, examples[i].AnnotatorAgreement!.Value, 1e-12);
            Assert.Equal(expected[i].Annotations, examples[i].NumAnnotations);
        }

        // Flagged = annotators disagree or the model prefers another class; ranked by lowest consensus quality.
        var flagged = examples.Where(e => e.IssueRank != null).OrderBy(e => e.IssueRank).ToList();
        Assert.NotEmpty(flagged);
        Assert.All(examples, e => Assert.Equal(e.AnnotatorAgreement < 1 || e.PredictedLabel != e.GivenLabel, e.IsClFlagged));
        Assert.Equal(flagged.OrderBy(e => e.LabelQuality).ThenBy(e => e.StudyIndex).Select(e => e.StudyIndex), flagged.Select(e => e.StudyIndex));

        Assert.Equal(reference.AnnotationCount(), await db.ExampleAnnotations.CountAsync(a => a.DatasetId == dataset.Id));
        var annotators = await db.UploadAnnotators.Where(a => a.DatasetId == dataset.Id).OrderBy(a => a.Position).ToListAsync();
        var stats = reference.AnnotatorStats(consensusMethod);
        Assert.Equal(stats.Select(s => s.Annotator), annotators.Select(a => a.Name));
        for (var j = 0; j < stats.Count; j++)
        {
            Assert.Equal(stats[j].Quality, annotators[j].AnnotatorQuality!.Value, 1e-9);
            Assert.Equal(stats[j].Agreement, annotators[j].AgreementWithConsensus, 1e-12);
            Assert.Equal(stats[j].WorstClass, annotators[j].WorstClass);
            Assert.Equal(stats[j].Labelled, annotators[j].NumExamplesLabeled);
        }
    }

    [Fact]
    public async Task The_exports_and_the_API_answer_the_CLIs_columns_and_values()
    {
        var reference = new MultiAnnotatorReference("synthetic_N200_M4_K10_sparse");
        await using var app = await TestSite.StartAsync();
        var accepted = await app.Api.PostAcceptedAsync(new UploadForm()
            .File("labels", reference.LabelsPath).File("pred_probs", reference.PredProbsPath).Field("task", "multi-annotator"));
        var token = accepted.GetProperty("token").GetString()!;
        Assert.Equal("succeeded", (await app.Api.WaitAsync(accepted.GetProperty("jobUrl").GetString()!)).GetProperty("state").GetString());

        var (cliConsensus, cliStats) = await CliMultiAnnotatorAsync(reference.LabelsPath, reference.PredProbsPath);
        Assert.Equal(cliConsensus, await app.Client.GetStringAsync($"/api/v1/uploads/{token}/consensus.csv"));
        Assert.Equal(cliStats, await app.Client.GetStringAsync($"/api/v1/uploads/{token}/annotators.csv"));

        using var annotators = JsonDocument.Parse(await app.Client.GetStringAsync($"/api/v1/uploads/{token}/annotators"));
        var first = annotators.RootElement[0];
        var firstCsv = cliStats.Split('\n')[1].Split(',');
        Assert.Equal(firstCsv[0], first.GetProperty("annotator").GetString());
        Assert.Equal(double.Parse(firstCsv[1], System.Globalization.CultureInfo.InvariantCulture), first.GetProperty("annotatorQuality").GetDouble());
        Assert.Equal(int.Parse(firstCsv[3]), first.GetProperty("worstClass").GetInt32());
        Assert.Equal(firstCsv[3], first.GetProperty("worstClassName").GetString());
        Assert.Equal(4, annotators.RootElement.GetArrayLength());

        using var page = JsonDocument.Parse(await app.Client.GetStringAsync($"/api/v1/uploads/{token}/consensus?offset=10&limit=5"));
        Assert.Equal(200, page.RootElement.GetProperty("total").GetInt32());
        var items = page.RootElement.GetProperty("items");
        Assert.Equal(5, items.GetArrayLength());
        var row10 = cliConsensus.Split('\n')[11].Split(',');
        Assert.Equal(10, items[0].GetProperty("index").GetInt64());
        Assert.Equal(int.Parse(row10[1]), items[0].GetProperty("consensusLabel").GetInt32());
        Assert.Equal(double.Parse(row10[2], System.Globalization.CultureInfo.InvariantCulture), items[0].GetProperty("consensusQualityScore").GetDouble());
        Assert.Equal(int.Parse(row10[4]), items[0].GetProperty("numAnnotations").GetInt32());

        var badLimit = await app.Client.GetAsync($"/api/v1/uploads/{token}/consensus?limit=5000");
        Assert.Equal(HttpStatusCode.BadRequest, badLimit.StatusCode);
        Assert.Contains("\"field\":\"limit\"", await badLimit.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_multi_class_upload_has_no_annotators()
    {
        using var data = new SyntheticUpload(examples: 200, classes: 3);
        await using var app = await TestSite.StartAsync(new Dictionary<string, string?> { ["Jobs:WorkerCount"] = "0" });
        var accepted = await app.Api.PostAcceptedAsync(new UploadForm().File("labels", data.LabelsPath).File("pred_probs", data.PredProbsPath));
        var response = await app.Client.GetAsync($"/api/v1/uploads/{accepted.GetProperty("token").GetString()}/annotators");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("not multi-annotator", await response.Content.ReadAsStringAsync());
        await using var db = await app.DbAsync();
        Assert.Equal(UploadTask.MultiClass, (await db.Datasets.SingleAsync()).Upload!.Task);
    }

    private static async Task<(string Consensus, string Stats)> CliMultiAnnotatorAsync(string labels, string predProbs)
    {
        var folder = Directory.CreateTempSubdirectory("ma-cli");
        try
        {
            var stats = Path.Combine(folder.FullName, "stats.csv");
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var exit = await Cli.Cli.RunAsync(["multiannotator", "--labels", labels, "--pred-probs", predProbs, "--annotator-stats", stats],
                new Cli.CliContext(stdout, stderr, errorIsTerminal: false));
            Assert.True(exit == 0, $"CLI failed ({exit}): {stderr}");
            return (stdout.ToString(), await File.ReadAllTextAsync(stats));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}

public sealed class MultiAnnotatorGalleryTests
{
    [Fact]
    public async Task The_gallery_filters_by_annotator_disagreement_and_agreement_and_the_permalink_lists_each_vote()
    {
        var reference = new MultiAnnotatorReference("synthetic_N500_M5_K4");
        await using var app = await TestSite.StartAsync();
        var accepted = await app.Api.PostAcceptedAsync(new UploadForm()
            .File("labels", reference.LabelsPath).File("pred_probs", reference.PredProbsPath).Field("task", "multi-annotator"));
        Assert.Equal("succeeded", (await app.Api.WaitAsync(accepted.GetProperty("jobUrl").GetString()!)).GetProperty("state").GetString());
        var token = accepted.GetProperty("token").GetString()!;

        var cells = File.ReadLines(reference.LabelsPath).Skip(1).Select(line => line.Split(',')).ToList();
        var consensus = reference.LabelQuality();
        var search = app.Services.GetRequiredService<Data.Queries.ExampleSearch>();
        var uploads = app.Services.GetRequiredService<LabelErrors.Web.Uploads.UploadQueries>();
        var datasetId = (await uploads.FindAsync(token, CancellationToken.None))!.Dataset.Id;
        var all = Data.Queries.ExampleQuery.Default with { Scope = Data.Queries.ExampleScope.All, Sort = Data.Queries.ExampleSort.Index, PageSize = 96 };

        for (var annotator = 0; annotator < 5; annotator++)
        {
            var labelled = Enumerable.Range(0, cells.Count).Where(i => cells[i][annotator].Length > 0).ToList();
            var disagreeing = labelled.Where(i => int.Parse(cells[i][annotator]) != consensus[i].Label).ToList();
            Assert.Equal(labelled.Count, (await search.SearchAsync(datasetId, all with { Annotator = annotator })).TotalCount);
            var page = await search.SearchAsync(datasetId, all with { Annotator = annotator, AnnotatorDisagrees = true });
            Assert.Equal(disagreeing.Count, page.TotalCount);
            Assert.Equal(disagreeing.Take(96).Select(i => (long)i), page.Items.Select(e => e.StudyIndex));
        }

        var atMostHalf = consensus.Count(c => c.Agreement <= 0.5);
        Assert.InRange(atMostHalf, 1, consensus.Count - 1);
        Assert.Equal(atMostHalf, (await search.SearchAsync(datasetId, all with { MaxAnnotatorAgreement = 0.5 })).TotalCount);

        var queries = app.Services.GetRequiredService<LabelErrors.Web.Uploads.Annotators.AnnotatorQueries>();
        var votes = await queries.VotesAsync(datasetId, 1);
        var header = File.ReadLines(reference.LabelsPath).First().Split(',');
        var expected = Enumerable.Range(0, 5).Where(j => cells[1][j].Length > 0).ToList();
        Assert.Equal(expected, votes.Select(v => v.Annotator));
        Assert.Equal(expected.Select(j => header[j]), votes.Select(v => v.AnnotatorName));
        Assert.Equal(expected.Select(j => int.Parse(cells[1][j])), votes.Select(v => v.Label));
        Assert.All(votes, v => Assert.InRange(v.LabelQuality!.Value, 0, 1));
    }
}
