using LabelErrors.Data.Entities;
using LabelErrors.Tests.Shared;
using LabelErrors.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LabelErrors.Web.Tests.Uploads;

public sealed class JobReliabilityTests
{
    [Fact]
    public async Task Killing_the_app_mid_job_leaves_nothing_half_written_and_the_restarted_app_completes_it_with_the_same_results()
    {
        using var data = new SyntheticUpload(examples: 4000, classes: 4, seed: 3);
        await using var database = await TestDatabase.CreateAsync();
        var root = Directory.CreateTempSubdirectory("le-kill-").FullName;
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__LabelErrors"] = database.ConnectionString,
            ["Database__MigrateOnStart"] = "true",
            ["Uploads__Root"] = root,
            ["Jobs__StageDelay"] = "00:00:01.500",
            ["Jobs__HeartbeatInterval"] = "00:00:00.500",
            ["Jobs__StaleAfter"] = "00:00:03",
            ["Jobs__PollInterval"] = "00:00:00.250",
        };

        string token, jobUrl;
        using (var first = await AppProcess.StartAsync(environment))
        {
            var api = new UploadApi(first.Client);
            var accepted = await api.PostAcceptedAsync(new UploadForm().File("labels", data.LabelsPath).File("pred_probs", data.PredProbsPath));
            token = accepted.GetProperty("token").GetString()!;
            jobUrl = accepted.GetProperty("jobUrl").GetString()!;
            await api.WaitAsync(jobUrl, until: j => j.GetProperty("stage").GetString() is "pruning" or "ranking");
            first.Kill();
        }

        await using (var connection = new NpgsqlConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var state = new NpgsqlCommand("SELECT state, (SELECT count(*) FROM examples) FROM analysis_jobs", connection);
            await using var reader = await state.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            Assert.Equal("Running", reader.GetString(0)); // the dead process never said goodbye
            Assert.Equal(0, reader.GetInt64(1));          // and left no rows behind
        }

        using var second = await AppProcess.StartAsync(environment);
        var job = await new UploadApi(second.Client).WaitAsync(jobUrl, TimeSpan.FromSeconds(90));
        Assert.Equal("succeeded", job.GetProperty("state").GetString());
        Assert.Equal(2, job.GetProperty("attempts").GetInt32());
        var csv = await second.Client.GetStringAsync($"/api/v1/uploads/{token}/issues.csv");
        Assert.Equal(await CliReference.FindIssuesCsvAsync("-l", data.LabelsPath, "-p", data.PredProbsPath), csv);
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public async Task Losing_the_database_during_a_job_is_survived_and_the_job_completes()
    {
        using var data = new SyntheticUpload(examples: 2000, classes: 4, seed: 5);
        await using var database = await TestDatabase.CreateAsync();
        await using (var migrate = new LabelErrorsAppFactory(database.ConnectionString))
            await migrate.CreateClient().GetAsync("/healthz");
        await using var forwarder = TcpForwarder.To(database.ConnectionString);
        var root = Directory.CreateTempSubdirectory("le-pgdown-").FullName;
        await using var app = new LabelErrorsAppFactory(forwarder.ConnectionString, migrateOnStart: false, new Dictionary<string, string?>
        {
            ["Uploads:Root"] = root,
            ["Jobs:StageDelay"] = "00:00:01",
            ["Jobs:PollInterval"] = "00:00:00.250",
        });
        var client = app.CreateClient();
        var api = new UploadApi(client);
        var accepted = await api.PostAcceptedAsync(new UploadForm().File("labels", data.LabelsPath).File("pred_probs", data.PredProbsPath));
        var token = accepted.GetProperty("token").GetString()!;
        await api.WaitAsync(accepted.GetProperty("jobUrl").GetString()!, until: j => j.GetProperty("stage").GetString() == "confident joint");

        forwarder.Stop();
        await Task.Delay(TimeSpan.FromSeconds(5)); // the remaining stages finish while the database is away: saving must retry
        forwarder.Start();

        var job = await api.WaitAsync(accepted.GetProperty("jobUrl").GetString()!, TimeSpan.FromSeconds(60));
        Assert.Equal("succeeded", job.GetProperty("state").GetString());
        Assert.Equal(1, job.GetProperty("attempts").GetInt32());
        var csv = await client.GetStringAsync($"/api/v1/uploads/{token}/issues.csv");
        Assert.Equal(await CliReference.FindIssuesCsvAsync("-l", data.LabelsPath, "-p", data.PredProbsPath), csv);
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public async Task Two_app_instances_on_one_database_run_each_job_exactly_once()
    {
        using var data = new SyntheticUpload(examples: 500, classes: 3);
        await using var database = await TestDatabase.CreateAsync();
        var root = Directory.CreateTempSubdirectory("le-two-").FullName;
        var settings = new Dictionary<string, string?>
        {
            ["Uploads:Root"] = root,
            ["Jobs:WorkerCount"] = "2",
            ["Jobs:PollInterval"] = "00:00:00.050",
            ["Uploads:MaxQueuedJobsPerClient"] = "100",
        };
        await using var one = new LabelErrorsAppFactory(database.ConnectionString, settings: settings);
        await using var two = new LabelErrorsAppFactory(database.ConnectionString, settings: settings);
        var api = new UploadApi(one.CreateClient());
        await two.CreateClient().GetAsync("/healthz");

        var jobUrls = new List<string>();
        for (var i = 0; i < 8; i++)
            jobUrls.Add((await api.PostAcceptedAsync(new UploadForm().File("labels", data.LabelsPath).File("pred_probs", data.PredProbsPath)))
                .GetProperty("jobUrl").GetString()!);
        foreach (var url in jobUrls)
        {
            var job = await api.WaitAsync(url);
            Assert.Equal("succeeded", job.GetProperty("state").GetString());
            Assert.Equal(1, job.GetProperty("attempts").GetInt32());
        }

        await using var db = await one.Services.GetRequiredService<IDbContextFactory<LabelErrors.Data.LabelErrorsDbContext>>().CreateDbContextAsync();
        var workers = await db.AnalysisJobs.Select(j => j.WorkerId).ToListAsync();
        Assert.Equal(8 * 500, await db.Examples.CountAsync());
        Assert.All(workers, w => Assert.False(string.IsNullOrEmpty(w)));
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public async Task Concurrent_claims_take_each_queued_job_once()
    {
        using var data = new SyntheticUpload(examples: 50, classes: 3);
        await using var app = await TestSite.StartAsync(new Dictionary<string, string?> { ["Jobs:WorkerCount"] = "0" });
        for (var i = 0; i < 20; i++)
            await app.Api.PostAcceptedAsync(new UploadForm().File("labels", data.LabelsPath).File("pred_probs", data.PredProbsPath));
        var queue = app.App.Services.GetRequiredService<AnalysisJobQueue>();

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            var mine = new List<Guid>();
            while (await queue.TryClaimAsync($"test-worker-{w}", CancellationToken.None) is { } job)
                mine.Add(job.JobId);
            return mine;
        })));

        var all = claims.SelectMany(c => c).ToList();
        Assert.Equal(20, all.Count);
        Assert.Equal(20, all.Distinct().Count());
    }

    [Fact]
    public async Task A_stale_job_is_requeued_until_its_attempts_run_out_then_failed_with_the_reason()
    {
        using var data = new SyntheticUpload(examples: 50, classes: 3);
        await using var app = await TestSite.StartAsync(new Dictionary<string, string?> { ["Jobs:WorkerCount"] = "0" });
        await app.Api.PostAcceptedAsync(new UploadForm().File("labels", data.LabelsPath).File("pred_probs", data.PredProbsPath));
        var queue = app.App.Services.GetRequiredService<AnalysisJobQueue>();

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var claimed = await queue.TryClaimAsync("doomed", CancellationToken.None);
            Assert.NotNull(claimed);
            Assert.Equal(attempt, claimed.Attempt);
            Assert.Equal(0, await queue.RequeueStaleAsync(TimeSpan.FromMinutes(1), maxAttempts: 3, CancellationToken.None)); // fresh heartbeat
            await Task.Delay(300);
            Assert.Equal(1, await queue.RequeueStaleAsync(TimeSpan.FromMilliseconds(100), maxAttempts: 3, CancellationToken.None));
            Assert.False(await queue.ReportAsync(claimed, JobStage.Pruning, 50, CancellationToken.None)); // the old worker is fenced off
        }

        await using var db = await app.DbAsync();
        var job = await db.AnalysisJobs.SingleAsync();
        Assert.Equal(AnalysisJobState.Failed, job.State);
        Assert.Contains("gave up after 3 attempts", job.Error);
        Assert.Null(await queue.TryClaimAsync("another", CancellationToken.None));
    }

    [Fact]
    public async Task A_client_with_too_many_waiting_jobs_gets_429_and_so_does_one_uploading_too_fast()
    {
        using var data = new SyntheticUpload(examples: 50, classes: 3);
        await using (var capped = await TestSite.StartAsync(new Dictionary<string, string?>
                     { ["Jobs:WorkerCount"] = "0", ["Uploads:MaxQueuedJobsPerClient"] = "2" }))
        {
            var form = () => new UploadForm().File("labels", data.LabelsPath).File("pred_probs", data.PredProbsPath);
            await capped.Api.PostAcceptedAsync(form());
            await capped.Api.PostAcceptedAsync(form());
            var (status, error, _) = await capped.Api.PostRejectedAsync(form());
            Assert.Equal(System.Net.HttpStatusCode.TooManyRequests, status);
            Assert.Contains("already have 2 analyses waiting", error);
        }

        await using var limited = await TestSite.StartAsync(new Dictionary<string, string?>
            { ["Jobs:WorkerCount"] = "0", ["Uploads:UploadsPerMinutePerClient"] = "2" });
        var statuses = new List<System.Net.HttpStatusCode>();
        for (var i = 0; i < 3; i++)
            statuses.Add((await limited.Client.PostAsync("/api/v1/uploads", new UploadForm().File("labels", data.LabelsPath).File("pred_probs", data.PredProbsPath).Build())).StatusCode);
        Assert.Equal([System.Net.HttpStatusCode.Accepted, System.Net.HttpStatusCode.Accepted, System.Net.HttpStatusCode.TooManyRequests], statuses);
    }
}
