using LabelErrors.Core.Validation;
using LabelErrors.Data;
using LabelErrors.Data.Entities;
using LabelErrors.Data.Failures;
using LabelErrors.Web.Jobs.MultiLabel;
using LabelErrors.Web.Uploads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Serilog.Context;

namespace LabelErrors.Web.Jobs;

/// <summary>
/// The hosted analysis workers: <see cref="JobOptions.WorkerCount"/> loops that requeue stale jobs, claim the oldest
/// queued one and run it. Every database step runs through <see cref="JobDatabaseSteps"/> (the one retry pipeline,
/// transient failures only); a job whose step fails for good, or whose input is refused, is failed with the reason.
/// </summary>
public sealed class AnalysisWorkerService(
    AnalysisJobQueue queue,
    AnalysisRunner runner,
    ResultWriter writer,
    MultiLabelAnalysisRunner multiLabelRunner,
    MultiLabelResultWriter multiLabelWriter,
    UploadStorage storage,
    IDbContextFactory<LabelErrorsDbContext> contexts,
    JobSignal signal,
    JobProgressFeed feed,
    JobDatabaseSteps steps,
    IOptions<JobOptions> options,
    IOptions<JobRetryOptions> retryOptions,
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
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var job = await steps.RunAsync("claiming a job", async cancellationToken =>
                {
                    await queue.RequeueStaleAsync(options.Value.StaleAfter, options.Value.MaxAttempts, cancellationToken);
                    return await queue.TryClaimAsync(workerId, cancellationToken);
                }, stoppingToken);
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
            catch (JobStepFailedException e)
            {
                // A long outage outlasted the retries, or the queue's own SQL is wrong: the worker stays alive and
                // tries again after the longest retry delay (a bug is logged as an error each time, never hidden).
                if (e.Failure == DatabaseFailure.Bug)
                    logger.LogError(e.InnerException, "Worker {WorkerId}: {Step} failed with SQL state {SqlState}: {Error}", workerId, e.Step, e.ServerError?.SqlState, e.JobError);
                else
                    logger.LogWarning("Worker {WorkerId}: {Error}", workerId, e.JobError);
                await Task.Delay(retryOptions.Value.MaxDelay, stoppingToken);
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
            var files = await steps.RunAsync("reading the upload's record", cancellationToken => LoadFilesAsync(job, cancellationToken), reporter.Token);
            var analysis = AnalysisOptions.FromJson(job.OptionsJson);
            // One case per upload task: each runs its analysis and saves it in one transaction.
            var (saved, issues, examples) = files.Task switch
            {
                UploadTask.MultiClass => await RunMultiClassAsync(job, files, analysis, reporter),
                UploadTask.MultiLabel => await RunMultiLabelAsync(job, files, analysis, reporter),
                // The runner reads the annotations and runs CROWDLAB (MultiAnnotatorAnalysis); the writer adds the votes.
                UploadTask.MultiAnnotator => await RunMultiClassAsync(job, files, analysis, reporter),
                var task => throw new UploadRejectedException(UploadField.Task, $"task {UploadTasks.Name(task)}: this site does not run that analysis"),
            };
            reporter.Finish();
            if (saved)
            {
                logger.LogInformation("Job {JobId} succeeded: {Issues} label issues in {Examples} examples", job.JobId, issues, examples);
                feed.Publish(new JobProgress(job.JobId, AnalysisJobState.Succeeded, JobStage.Done, 100, job.Attempt, null));
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
        catch (JobStepFailedException e) when (e.Failure == DatabaseFailure.Bug)
        {
            // A bug fails the job on its first try, with the server's own words and SQL state.
            logger.LogError(e.InnerException, "Job {JobId}: {Step} failed with SQL state {SqlState}", job.JobId, e.Step, e.ServerError?.SqlState);
            await FailAsync(job, e.JobError);
        }
        catch (JobStepFailedException e)
        {
            logger.LogError(e.InnerException, "Job {JobId}: database unreachable while {Step}, retries used up", job.JobId, e.Step);
            await FailAsync(job, e.JobError);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Job {JobId} failed", job.JobId);
            await FailAsync(job, $"internal error: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}");
        }
    }

    private async Task<JobOutcome> RunMultiClassAsync(ClaimedJob job, UploadFiles files, AnalysisOptions analysis, JobReporter reporter)
    {
        var result = await runner.RunAsync(files, analysis, reporter, reporter.Token);
        reporter.Set(JobStage.Saving, 0);
        var saved = await steps.RunAsync("saving the results", cancellationToken => writer.SaveAsync(job, result, files, reporter, cancellationToken), reporter.Token);
        return new JobOutcome(saved, result.RankedIssues.Length, result.Labels.Length);
    }

    private async Task<JobOutcome> RunMultiLabelAsync(ClaimedJob job, UploadFiles files, AnalysisOptions analysis, JobReporter reporter)
    {
        var result = await multiLabelRunner.RunAsync(files, analysis, reporter, reporter.Token);
        reporter.Set(JobStage.Saving, 0);
        var saved = await steps.RunAsync("saving the results", cancellationToken => multiLabelWriter.SaveAsync(job, result, files, reporter, cancellationToken), reporter.Token);
        return new JobOutcome(saved, result.RankedIssues.Length, result.ExampleCount);
    }

    private sealed record JobOutcome(bool Saved, int Issues, int Examples);

    private async Task<UploadFiles> LoadFilesAsync(ClaimedJob job, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var dataset = await db.Datasets.AsNoTracking().SingleAsync(d => d.Id == job.DatasetId, cancellationToken);
        return UploadFiles.Of(dataset.Upload ?? throw new InvalidOperationException($"dataset {job.DatasetId} is not an upload"), storage);
    }

    private async Task FailAsync(ClaimedJob job, string error)
    {
        logger.LogWarning("Job {JobId} failed: {Error}", job.JobId, error);
        try
        {
            await steps.RunAsync("recording the failure", cancellationToken => queue.FailAsync(job, error, cancellationToken), CancellationToken.None);
            feed.Publish(new JobProgress(job.JobId, AnalysisJobState.Failed, JobStage.Validating, 0, job.Attempt, error));
        }
        catch (JobStepFailedException e)
        {
            logger.LogError(e.InnerException, "Job {JobId}: could not record the failure ({Error}, SQL state {SqlState}); its stale heartbeat will requeue it",
                job.JobId, e.JobError, e.ServerError?.SqlState);
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
        catch (Exception e) when (DatabaseFailures.Classify(e) != DatabaseFailure.None)
        {
            // Only the live feed misses this update; the page reads the row itself on its next poll.
            logger.LogWarning("Job {JobId}: could not read its state to publish it ({Reason})", jobId, e.Message);
        }
    }
}
