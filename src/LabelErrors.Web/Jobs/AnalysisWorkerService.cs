using LabelErrors.Core.Validation;
using LabelErrors.Data;
using LabelErrors.Web.Uploads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Serilog.Context;

namespace LabelErrors.Web.Jobs;

/// <summary>
/// The hosted analysis workers: <see cref="JobOptions.WorkerCount"/> loops that requeue stale jobs, claim the oldest
/// queued one and run it. A job that throws is failed with its reason; a database outage is retried with backoff.
/// </summary>
public sealed class AnalysisWorkerService(
    AnalysisJobQueue queue,
    AnalysisRunner runner,
    ResultWriter writer,
    UploadStorage storage,
    IDbContextFactory<LabelErrorsDbContext> contexts,
    JobSignal signal,
    JobProgressFeed feed,
    IOptions<JobOptions> options,
    ILogger<AnalysisWorkerService> logger) : BackgroundService
{
    private readonly string _instance = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var count = options.Value.WorkerCount;
        logger.LogInformation("Starting {Count} analysis worker(s) as {Instance}", count, _instance);
        return Task.WhenAll(Enumerable.Range(1, count).Select(n => Task.Run(() => WorkerLoopAsync($"{_instance}#{n}", stoppingToken), stoppingToken)));
    }

    private async Task WorkerLoopAsync(string workerId, CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await queue.RequeueStaleAsync(options.Value.StaleAfter, options.Value.MaxAttempts, stoppingToken);
                var job = await queue.TryClaimAsync(workerId, stoppingToken);
                failures = 0;
                if (job is null)
                {
                    await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
                    continue;
                }
                await RunJobAsync(job, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (DatabaseErrors.IsUnavailable(e))
            {
                failures++;
                var wait = TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, Math.Min(failures, 5)) / 2));
                logger.LogWarning("Worker {WorkerId}: database unreachable ({Reason}); retrying in {Wait}", workerId, e.Message, wait);
                await Task.Delay(wait, stoppingToken);
            }
        }
    }

    private async Task RunJobAsync(ClaimedJob job, CancellationToken stoppingToken)
    {
        using var _ = LogContext.PushProperty("JobId", job.JobId);
        logger.LogInformation("Job {JobId} claimed by {WorkerId} (attempt {Attempt})", job.JobId, job.WorkerId, job.Attempt);
        await using var reporter = new JobReporter(queue, job, feed, logger, options.Value.HeartbeatInterval, stoppingToken);
        try
        {
            var files = await LoadFilesAsync(job, stoppingToken);
            var analysis = AnalysisOptions.FromJson(job.OptionsJson);
            var result = await runner.RunAsync(files, analysis, reporter, reporter.Token);
            reporter.Set(JobStage.Saving, 0);
            var saved = await WithDatabaseRetriesAsync(job, () => writer.SaveAsync(job, result, files, reporter, reporter.Token), reporter.Token);
            reporter.Finish();
            if (saved)
            {
                logger.LogInformation("Job {JobId} succeeded: {Issues} label issues in {Examples} examples", job.JobId, result.RankedIssues.Length, result.Labels.Length);
                feed.Publish(new JobProgress(job.JobId, Data.Entities.AnalysisJobState.Succeeded, JobStage.Done, 100, job.Attempt, null));
            }
            else
                logger.LogWarning("Job {JobId}: results discarded, the job is no longer ours", job.JobId);
        }
        catch (OperationCanceledException) when (reporter.Lost || stoppingToken.IsCancellationRequested)
        {
            // Cancelled by the user, requeued elsewhere, or the app is stopping: the job row says what happens next
            // (a stopping app leaves it Running; its stale heartbeat requeues it).
            logger.LogInformation("Job {JobId} stopped ({Reason})", job.JobId, reporter.Lost ? "no longer ours" : "app stopping");
            if (reporter.Lost)
                await PublishCurrentAsync(job.JobId);
        }
        catch (Exception e) when (e is LabelErrorsInputException or UploadRejectedException)
        {
            await FailAsync(job, e.Message);
        }
        catch (Exception e) when (DatabaseErrors.IsUnavailable(e))
        {
            logger.LogError(e, "Job {JobId}: database unreachable after retries", job.JobId);
            await FailAsync(job, $"the database was unreachable while saving the results ({e.Message}); upload again or retry later");
        }
        catch (Exception e)
        {
            logger.LogError(e, "Job {JobId} failed", job.JobId);
            await FailAsync(job, $"internal error: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}");
        }
    }

    private async Task<UploadFiles> LoadFilesAsync(ClaimedJob job, CancellationToken cancellationToken) =>
        await WithDatabaseRetriesAsync(job, async () =>
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var dataset = await db.Datasets.AsNoTracking().SingleAsync(d => d.Id == job.DatasetId, cancellationToken);
            return UploadFiles.Of(dataset.Upload ?? throw new InvalidOperationException($"dataset {job.DatasetId} is not an upload"), storage);
        }, cancellationToken);

    private async Task<T> WithDatabaseRetriesAsync<T>(ClaimedJob job, Func<Task<T>> action, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await action();
            }
            catch (Exception e) when (DatabaseErrors.IsUnavailable(e) && attempt < options.Value.DatabaseRetries && !cancellationToken.IsCancellationRequested)
            {
                var wait = TimeSpan.FromMilliseconds(Math.Min(5000, 250 * Math.Pow(2, attempt)));
                logger.LogWarning("Job {JobId}: database unreachable ({Reason}); retry {Retry} in {Wait}", job.JobId, e.Message, attempt + 1, wait);
                await Task.Delay(wait, cancellationToken);
            }
        }
    }

    private async Task FailAsync(ClaimedJob job, string error)
    {
        logger.LogWarning("Job {JobId} failed: {Error}", job.JobId, error);
        try
        {
            await WithDatabaseRetriesAsync(job, () => queue.FailAsync(job, error, CancellationToken.None), CancellationToken.None);
            feed.Publish(new JobProgress(job.JobId, Data.Entities.AnalysisJobState.Failed, JobStage.Validating, 0, job.Attempt, error));
        }
        catch (Exception e) when (DatabaseErrors.IsUnavailable(e))
        {
            logger.LogError("Job {JobId}: could not record the failure; its stale heartbeat will requeue it", job.JobId);
        }
    }

    private async Task PublishCurrentAsync(Guid jobId)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync();
            var row = await db.AnalysisJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId);
            if (row is not null)
                feed.Publish(JobProgress.Of(row));
        }
        catch (Exception e) when (DatabaseErrors.IsUnavailable(e))
        {
        }
    }
}
