using System.ComponentModel.DataAnnotations;

namespace LabelErrors.Web.Jobs;

/// <summary>The analysis workers (section <c>Jobs</c>).</summary>
public sealed class JobOptions
{
    public const string Section = "Jobs";

    /// <summary>Concurrent workers in this process; 0 runs none (a web-only instance).</summary>
    [Range(0, 64)]
    public int WorkerCount { get; set; } = 1;

    /// <summary>How often a running job proves it is alive.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A running job whose heartbeat is older than this is taken to be dead (its process died) and requeued.</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often an idle worker looks for queued jobs (new uploads in this process wake it at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Runs per job before it is failed for good.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>
    /// Pause before each stage. Zero in production; demos and the restart tests use it to keep a job running long
    /// enough to watch its progress or kill its process mid-way.
    /// </summary>
    public TimeSpan StageDelay { get; set; } = TimeSpan.Zero;
}
