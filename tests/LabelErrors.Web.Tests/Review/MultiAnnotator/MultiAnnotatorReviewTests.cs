using System.Globalization;
using System.Net;
using System.Text.Json;
using LabelErrors.Core.Formats;
using LabelErrors.Data.Entities;
using LabelErrors.Tests.Shared;
using LabelErrors.Web.Review;
using LabelErrors.Web.Review.MultiAnnotator;
using LabelErrors.Web.Tests.Uploads.Annotators;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LabelErrors.Web.Tests.Review.MultiAnnotator;

/// <summary>
/// The review and the cleaned labels of a multi-annotator upload, on cleanlab's seeded reference (500 examples, 5
/// annotators, 4 classes): expected values come from cleanlab's own label_quality output and the annotations CSV,
/// not from the app.
/// </summary>
public sealed class MultiAnnotatorReviewTests : IAsyncLifetime
{
    private static readonly MultiAnnotatorReference Reference = new("synthetic_N500_M5_K4");
    private TestSite _site = null!;

    // The sessions read the queue 3 items at a time, so moving and deciding cross windows.
    public async Task InitializeAsync() => _site = await TestSite.StartAsync(new Dictionary<string, string?> { ["Review:QueueWindow"] = "3" });

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task Labels_fixed_csv_is_the_consensus_with_the_decisions_applied_never_the_models_argmax()
    {
        var (token, key) = await UploadAsync();
        var consensus = Reference.LabelQuality();
        var examples = await ExamplesAsync(token);
        // The old export put the model's argmax in place of every flagged example: there must be such examples here.
        var disputed = examples.Where(e => e.IsClFlagged && e.GuessedLabel is { } g && g != e.GivenLabel).Select(e => e.StudyIndex).ToList();
        Assert.True(disputed.Count >= 3, $"the reference should have flagged examples the model labels otherwise, got {disputed.Count}");

        var before = await FixedAsync(token);
        Assert.Equal(consensus.Count, before.Count);
        for (var i = 0; i < consensus.Count; i++)
        {
            Assert.Equal(i.ToString(CultureInfo.InvariantCulture), before[i][0]);
            Assert.Equal(consensus[i].Label.ToString(CultureInfo.InvariantCulture), before[i][1]);
            Assert.Equal(consensus[i].Label.ToString(CultureInfo.InvariantCulture), before[i][2]);
            Assert.Equal(consensus[i].Quality, double.Parse(before[i][3], CultureInfo.InvariantCulture), 1e-9);
            Assert.Equal(consensus[i].Agreement, double.Parse(before[i][4], CultureInfo.InvariantCulture), 1e-12);
            Assert.Equal(consensus[i].Annotations.ToString(CultureInfo.InvariantCulture), before[i][5]);
            Assert.Equal("", before[i][6]);
        }

        var (accepted, excluded, relabelled) = (disputed[0], disputed[1], disputed[2]);
        var suggested = examples.Single(e => e.StudyIndex == accepted).GuessedLabel!.Value;
        var relabelTo = Enumerable.Range(0, 4).First(c => c != consensus[(int)relabelled].Label && c != examples.Single(e => e.StudyIndex == relabelled).GuessedLabel);
        await _site.DecideAsync(token, key, accepted, "accept");
        await _site.DecideAsync(token, key, excluded, "exclude");
        await _site.DecideAsync(token, key, relabelled, "relabel", label: relabelTo);

        var after = await FixedAsync(token);
        Assert.Equal([suggested.ToString(CultureInfo.InvariantCulture), "accept"], new[] { after[(int)accepted][1], after[(int)accepted][6] });
        Assert.Equal(["", "exclude"], new[] { after[(int)excluded][1], after[(int)excluded][6] });
        Assert.Equal([relabelTo.ToString(CultureInfo.InvariantCulture), "relabel"], new[] { after[(int)relabelled][1], after[(int)relabelled][6] });
        var untouched = Enumerable.Range(0, consensus.Count).Where(i => i != accepted && i != excluded && i != relabelled);
        Assert.All(untouched, i => Assert.Equal(consensus[i].Label.ToString(CultureInfo.InvariantCulture), after[i][1]));

        // The review's own cleaned labels and log apply the same decisions to the consensus.
        var cleaned = LabelsCsv.Read(new StringReader(await _site.Client.GetStringAsync($"/api/v1/uploads/{token}/cleaned?format=csv&excluded=mark")), "cleaned.csv").Labels;
        Assert.Equal(suggested, cleaned[accepted]);
        Assert.Equal(-1, cleaned[excluded]);
        Assert.Equal(relabelTo, cleaned[relabelled]);
        Assert.All(untouched, i => Assert.Equal(consensus[i].Label, cleaned[i]));
        var log = (await _site.Client.GetStringAsync($"/api/v1/uploads/{token}/decisions.csv")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("index,decision,label,consensus_label,suggested_label,note,decided_at,batch,undone_at", log[0]);
        Assert.StartsWith($"{accepted},accept,{suggested},{consensus[(int)accepted].Label},{suggested},", log[1]);
    }

    [Fact]
    public async Task The_review_queue_is_the_flagged_examples_lowest_consensus_quality_first_with_every_vote_shown()
    {
        var (token, key) = await UploadAsync();
        var consensus = Reference.LabelQuality();
        var cells = File.ReadLines(Reference.LabelsPath).Skip(1).Select(line => line.Split(',')).ToList();
        var examples = await ExamplesAsync(token);
        var upload = await _site.Services.GetRequiredService<ReviewAccess>().WritableAsync(token, key);
        using var session = await _site.Services.GetRequiredService<ReviewSessions>().OpenAsync(upload!);

        // Flagged = the annotators disagree or the model prefers another class; lowest consensus quality first.
        var expected = examples.Where(e => consensus[(int)e.StudyIndex].Agreement < 1 || e.PredictedLabel != consensus[(int)e.StudyIndex].Label)
            .OrderBy(e => consensus[(int)e.StudyIndex].Quality).ThenBy(e => e.StudyIndex).Select(e => e.StudyIndex);
        Assert.Equal(expected, (await ReviewQueueWalk.AllAsync(_site.Services.GetRequiredService<ReviewService>().Queue(session.Dataset.Id))).Select(i => i.StudyIndex));
        Assert.Equal(expected.Count(), session.Total);
        Assert.True(session.IsMultiAnnotator);
        Assert.Equal("consensus", session.LabelWord);

        var item = session.Current!;
        var row = cells[(int)item.StudyIndex];
        var facts = session.Consensus!;
        Assert.Equal(row.Select((cell, j) => (cell, j)).Where(c => c.cell.Length > 0).Select(c => ($"a{c.j}", int.Parse(c.cell, CultureInfo.InvariantCulture))),
            facts.Votes.Select(v => (v.AnnotatorName, v.Label)));
        Assert.Equal(consensus[(int)item.StudyIndex].Agreement, facts.Agreement!.Value, 1e-12);
        Assert.Equal(consensus[(int)item.StudyIndex].Annotations, facts.NumAnnotations);
        Assert.EndsWith($"Consensus quality (CROWDLAB) {consensus[(int)item.StudyIndex].Quality.ToString("0.000", CultureInfo.InvariantCulture)}: the queue starts at the lowest.", session.WhyFlagged(item));

        // Keep = the consensus; 1–9 pick a class by predicted probability; undo takes it back.
        await session.HandleKeyAsync("q");
        var kept = session.DecisionOf(item)!;
        Assert.Equal(consensus[(int)item.StudyIndex].Label, kept.Label);
        Assert.StartsWith("keep the consensus “", session.DecisionText(kept));
        var second = session.Current!;
        var top = session.Ranked[0].Label;
        await session.HandleKeyAsync("1");
        Assert.Equal(top, session.DecisionOf(second)!.Label);
        await session.HandleKeyAsync("z");
        Assert.Null(session.DecisionOf(second));
        Assert.Equal(1, session.Decided);
    }

    [Fact]
    public async Task The_consensus_distribution_counts_every_example_by_quality_and_agreement_and_the_api_answers_the_same()
    {
        var (token, _) = await UploadAsync();
        var consensus = Reference.LabelQuality();
        var upload = await _site.Services.GetRequiredService<ReviewAccess>().ReadableAsync(token);
        var distribution = await _site.Services.GetRequiredService<ConsensusCharts>().DistributionAsync(upload!.Dataset.Id);

        static int Bucket(double value) => value >= 1 ? 9 : (int)Math.Floor(value * 10);
        Assert.Equal(Enumerable.Range(0, 10).Select(b => (long)consensus.Count(c => Bucket(c.Quality) == b)), distribution.ConsensusQuality);
        Assert.Equal(Enumerable.Range(0, 10).Select(b => (long)consensus.Count(c => Bucket(c.Agreement) == b)), distribution.AnnotatorAgreement);
        Assert.Equal(consensus.Count(c => c.Agreement >= 1), distribution.Unanimous);
        Assert.Equal(consensus.Count, distribution.Examples);
        Assert.Equal("0.0–0.1", distribution.Buckets[0]);

        using var json = JsonDocument.Parse(await _site.Client.GetStringAsync($"/api/v1/uploads/{token}/consensus-distribution"));
        var root = json.RootElement;
        Assert.Equal(distribution.ConsensusQuality, root.GetProperty("consensusQuality").EnumerateArray().Select(e => e.GetInt64()));
        Assert.Equal(distribution.AnnotatorAgreement, root.GetProperty("annotatorAgreement").EnumerateArray().Select(e => e.GetInt64()));
        Assert.Equal(distribution.Flagged, root.GetProperty("flagged").GetInt64());
        Assert.Equal(distribution.Unanimous, root.GetProperty("unanimous").GetInt64());
        Assert.Contains("\"/api/v1/uploads/{token}/consensus-distribution\"", await _site.Client.GetStringAsync("/openapi/v1.json"));
    }

    [Fact]
    public async Task A_multi_class_upload_has_no_consensus_distribution_and_keeps_its_label_header()
    {
        using var data = new SyntheticUpload(examples: 120, classes: 3, seed: 4);
        var (token, _) = await _site.UploadAsync(data);
        var response = await _site.Client.GetAsync($"/api/v1/uploads/{token}/consensus-distribution");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("label\n", await _site.Client.GetStringAsync($"/api/v1/uploads/{token}/labels-fixed.csv"));
        Assert.StartsWith("index,decision,label,given_label,", await _site.Client.GetStringAsync($"/api/v1/uploads/{token}/decisions.csv"));
    }

    private Task<(string Token, string OwnerKey)> UploadAsync() =>
        _site.UploadAsync(new UploadForm().Field("name", "five annotators").Field("task", "multi-annotator")
            .File("labels", Reference.LabelsPath).File("pred_probs", Reference.PredProbsPath));

    private async Task<List<Example>> ExamplesAsync(string token)
    {
        var upload = await _site.Services.GetRequiredService<ReviewAccess>().ReadableAsync(token);
        await using var db = await _site.DbAsync();
        return await db.Examples.AsNoTracking().Where(e => e.DatasetId == upload!.Dataset.Id).OrderBy(e => e.StudyIndex).ToListAsync();
    }

    private async Task<List<string[]>> FixedAsync(string token)
    {
        var lines = (await _site.Client.GetStringAsync($"/api/v1/uploads/{token}/labels-fixed.csv")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(ConsensusCleanedLabels.Header, lines[0]);
        Assert.Equal("index,cleaned_label,consensus_label,consensus_quality_score,annotator_agreement,num_annotations,review_decision", lines[0]);
        return lines.Skip(1).Select(l => l.Split(',')).ToList();
    }
}
