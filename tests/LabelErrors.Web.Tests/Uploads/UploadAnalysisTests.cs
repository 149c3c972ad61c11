using System.Net;
using LabelErrors.Data.Entities;
using Microsoft.EntityFrameworkCore;
using LabelErrors.Tests.Shared;

namespace LabelErrors.Web.Tests.Uploads;

public sealed class UploadAnalysisTests
{
    [Fact]
    public async Task An_upload_over_HTTP_is_analysed_and_its_issues_equal_the_CLIs_on_the_same_files()
    {
        using var data = new SyntheticUpload(examples: 3000, classes: 5);
        await using var app = await TestSite.StartAsync();

        var accepted = await app.Api.PostAcceptedAsync(new UploadForm()
            .File("labels", data.LabelsPath).File("pred_probs", data.PredProbsPath)
            .Field("filter_by", "prune_by_noise_rate").Field("rank_by", "normalized_margin"));
        var token = accepted.GetProperty("token").GetString()!;
        Assert.Equal(22, token.Length);
        Assert.Equal($"/u/{token}", accepted.GetProperty("shareUrl").GetString());
        Assert.False(string.IsNullOrEmpty(accepted.GetProperty("ownerKey").GetString()));

        var job = await app.Api.WaitAsync(accepted.GetProperty("jobUrl").GetString()!);
        Assert.Equal("succeeded", job.GetProperty("state").GetString());
        Assert.Equal(100, job.GetProperty("percent").GetDouble());
        Assert.Equal(1, job.GetProperty("attempts").GetInt32());

        var csv = await app.Client.GetStringAsync($"/api/v1/uploads/{token}/issues.csv");
        var expected = await CliReference.FindIssuesCsvAsync("-l", data.LabelsPath, "-p", data.PredProbsPath,
            "--filter-by", "prune_by_noise_rate", "--rank-by", "normalized_margin");
        Assert.Equal(expected, csv);
        Assert.True(csv.Split('\n').Length > 100, "the synthetic set has label errors to find");

        await using var db = await app.DbAsync();
        var dataset = await db.Datasets.SingleAsync();
        Assert.True(dataset.IsUpload);
        Assert.Equal(3000, await db.Examples.CountAsync(e => e.DatasetId == dataset.Id));
        Assert.NotNull(dataset.Upload!.HealthScore);
        Assert.Contains("\"classes\"", dataset.Upload.HealthJson);
    }

    [Fact]
    public async Task Class_names_and_text_content_are_used_and_the_fixed_labels_replace_each_flagged_label()
    {
        using var data = new SyntheticUpload(examples: 600, classes: 3, seed: 11);
        var names = data.WriteClassNames();
        var texts = data.WriteTextContent(600);
        await using var app = await TestSite.StartAsync();

        var accepted = await app.Api.PostAcceptedAsync(new UploadForm()
            .File("labels", data.LabelsPath).File("pred_probs", data.PredProbsPath)
            .File("class_names", names).File("content", texts).Field("name", "three classes"));
        var token = accepted.GetProperty("token").GetString()!;
        Assert.Equal("succeeded", (await app.Api.WaitAsync(accepted.GetProperty("jobUrl").GetString()!)).GetProperty("state").GetString());

        var csv = await app.Client.GetStringAsync($"/api/v1/uploads/{token}/issues.csv");
        Assert.Equal(await CliReference.FindIssuesCsvAsync("-l", data.LabelsPath, "-p", data.PredProbsPath, "--class-names", names), csv);
        Assert.Contains(",class ", csv);

        var issues = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(line => line.Split(','))
            .ToDictionary(f => int.Parse(f[0]), f => int.Parse(f[2].Replace("class ", "")));
        var fixedLabels = (await app.Client.GetStringAsync($"/api/v1/uploads/{token}/labels-fixed.csv"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("label", fixedLabels[0]);
        Assert.Equal(600, fixedLabels.Length - 1);
        for (var i = 0; i < 600; i++)
            Assert.Equal(issues.TryGetValue(i, out var suggested) ? suggested : (int)data.Labels[i], int.Parse(fixedLabels[i + 1]));

        await using var db = await app.DbAsync();
        var text = await db.ExampleTexts.Where(t => db.Examples.Any(e => e.Id == t.ExampleId && e.StudyIndex == 42)).SingleAsync();
        Assert.Equal("Example 42, with a comma and a \"quote\"", text.Text);
    }

    [Fact]
    public async Task Delete_needs_the_owner_key_and_removes_the_rows_and_the_files()
    {
        using var data = new SyntheticUpload(examples: 300, classes: 3);
        await using var app = await TestSite.StartAsync();
        var accepted = await app.Api.PostAcceptedAsync(new UploadForm().File("labels", data.LabelsPath).File("pred_probs", data.PredProbsPath));
        var token = accepted.GetProperty("token").GetString()!;
        await app.Api.WaitAsync(accepted.GetProperty("jobUrl").GetString()!);
        Assert.NotEmpty(app.StoredFiles());

        var wrong = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/uploads/{token}") { Headers = { { "X-Owner-Key", "not-the-key" } } };
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Client.SendAsync(wrong)).StatusCode);

        var right = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/uploads/{token}") { Headers = { { "X-Owner-Key", accepted.GetProperty("ownerKey").GetString() } } };
        Assert.Equal(HttpStatusCode.NoContent, (await app.Client.SendAsync(right)).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync($"/api/v1/uploads/{token}/job")).StatusCode);
        await using var db = await app.DbAsync();
        Assert.Equal(0, await db.Datasets.CountAsync());
        Assert.Equal(0, await db.Examples.CountAsync());
        Assert.Equal(0, await db.AnalysisJobs.CountAsync());
        Assert.Empty(app.StoredFiles());
    }

    [Fact]
    public async Task A_running_job_can_be_cancelled_and_then_stores_no_rows()
    {
        using var data = new SyntheticUpload(examples: 300, classes: 3);
        await using var app = await TestSite.StartAsync(new Dictionary<string, string?> { ["Jobs:StageDelay"] = "00:00:01" });
        var accepted = await app.Api.PostAcceptedAsync(new UploadForm().File("labels", data.LabelsPath).File("pred_probs", data.PredProbsPath));
        var token = accepted.GetProperty("token").GetString()!;
        var jobUrl = accepted.GetProperty("jobUrl").GetString()!;
        await app.Api.WaitAsync(jobUrl, until: j => j.GetProperty("state").GetString() == "running");

        Assert.Equal(HttpStatusCode.OK, (await app.Client.PostAsync($"/api/v1/uploads/{token}/cancel", null)).StatusCode);

        await Task.Delay(TimeSpan.FromSeconds(6)); // longer than the remaining stages would take
        var job = await app.Api.JobAsync(jobUrl);
        Assert.Equal("cancelled", job.GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await app.Client.GetAsync($"/api/v1/uploads/{token}/issues.csv")).StatusCode);
        await using var db = await app.DbAsync();
        Assert.Equal(0, await db.Examples.CountAsync());
    }

    [Fact]
    public async Task An_unknown_or_malformed_token_is_a_404()
    {
        await using var app = await TestSite.StartAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync("/api/v1/uploads/AAAAAAAAAAAAAAAAAAAAAA/job")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync("/api/v1/uploads/x'--/job")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync("/api/v1/uploads/AAAAAAAAAAAAAAAAAAAAAA/issues.csv")).StatusCode);
    }
}
