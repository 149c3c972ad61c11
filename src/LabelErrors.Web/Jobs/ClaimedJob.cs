namespace LabelErrors.Web.Jobs;

/// <summary>
/// A job this worker owns: (<see cref="JobId"/>, <see cref="WorkerId"/>, <see cref="Attempt"/>) fences every later
/// write, so a worker that lost the job (cancelled, or requeued after a stale heartbeat) can no longer change it.
/// </summary>
public sealed record ClaimedJob(Guid JobId, int DatasetId, string WorkerId, int Attempt, string OptionsJson);
