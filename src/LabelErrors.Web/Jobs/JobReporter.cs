using LabelErrors.Data.Entities;
using LabelErrors.Data.Failures;

namespace LabelErrors.Web.Jobs;

/// <summary>
/// The running job's side channel to the database: the runner sets stage and percent in memory; a loop writes them
/// (at most every quarter second, at least every heartbeat interval) and cancels the run when the job is no longer
/// this worker's (cancelled by the user, or requeued because a heartbeat went missing). A failed beat (an outage, or
/// a bug, logged with its SQL state) is tried again at the next beat: the run goes on.
/// </summary>
public sealed class JobReporter : IAsyncDisposable
{
    private static readonly TimeSpan WriteEvery = TimeSpan.FromMilliseconds(250);
    private readonly AnalysisJobQueue _queue;
    private readonly ClaimedJob _job;
    private readonly JobProgressFeed _feed;
    private readonly ILogger _logger;
    private readonly TimeSpan _heartbeat;
    private readonly CancellationTokenSource _lost;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private volatile Snapshot _current = new(JobStage.Validating, 0);
    private Snapshot? _written;
    private DateTime _lastWrite = DateTime.UtcNow;
    private readonly System.Diagnostics.Stopwatch _stageClock = System.Diagnostics.Stopwatch.StartNew();
    private string _stage = JobStage.Validating;
    private TimeSpan _stageCpu = CurrentCpu();

    private sealed record Snapshot(string Stage, double Percent);

    public JobReporter(AnalysisJobQueue queue, ClaimedJob job, JobProgressFeed feed, ILogger logger, TimeSpan heartbeat, CancellationToken stopping)
    {
        _queue = queue;
        _job = job;
        _feed = feed;
        _logger = logger;
        _heartbeat = heartbeat;
        _lost = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Cancelled when the job is no longer this worker's or the app stops.</summary>
    public CancellationToken Token => _lost.Token;

    public bool Lost { get; private set; }

    public void Set(string stage, double percent)
    {
        if (stage != _stage)
        {
            LogStageDuration();
            _stage = stage;
            _stageClock.Restart();
            _stageCpu = CurrentCpu();
        }
        _current = new Snapshot(stage, Math.Clamp(percent, 0, 100));
    }

    /// <summary>Ends the last stage's timing (the job is done, or stopped).</summary>
    public void Finish() => LogStageDuration();

    // One log line per stage, so a slow upload shows where its time went (docs/performance.md, "Uploads"). The CPU
    // time is the whole app's (user + system, all threads): on a shared machine it moves far less than the wall time.
    private void LogStageDuration() =>
        _logger.LogInformation("Job {JobId}: stage {Stage} took {Seconds:0.000} s ({CpuSeconds:0.0} s app CPU)", _job.JobId, _stage,
            _stageClock.Elapsed.TotalSeconds, (CurrentCpu() - _stageCpu).TotalSeconds);

    private static TimeSpan CurrentCpu()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(WriteEvery, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            var current = _current;
            if (current == _written && DateTime.UtcNow - _lastWrite < _heartbeat)
                continue;
            await WriteAsync(current);
        }
    }

    private async Task WriteAsync(Snapshot snapshot)
    {
        try
        {
            var stillOurs = await _queue.ReportAsync(_job, snapshot.Stage, snapshot.Percent, _stop.Token);
            _written = snapshot;
            _lastWrite = DateTime.UtcNow;
            if (!stillOurs)
            {
                Lost = true;
                _logger.LogWarning("Job {JobId} is no longer ours (cancelled or requeued); stopping", _job.JobId);
                await _lost.CancelAsync();
                await _stop.CancelAsync();
                return;
            }
            _feed.Publish(new JobProgress(_job.JobId, AnalysisJobState.Running, snapshot.Stage, snapshot.Percent, _job.Attempt, null));
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (Exception e) when (DatabaseFailures.IsTransient(e))
        {
            _logger.LogWarning("Job {JobId}: heartbeat failed, database unreachable: {Reason}", _job.JobId, e.Message);
        }
        catch (Exception e) when (DatabaseFailures.IsBug(e))
        {
            // The heartbeat's own SQL is wrong: say so loudly; the job goes on and the next beat tries again.
            _logger.LogError(e, "Job {JobId}: heartbeat failed with SQL state {SqlState}", _job.JobId, DatabaseFailures.ServerError(e)?.SqlState);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _lost.Dispose();
        _stop.Dispose();
    }
}
