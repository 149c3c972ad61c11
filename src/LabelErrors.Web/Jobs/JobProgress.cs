using LabelErrors.Data.Entities;

namespace LabelErrors.Web.Jobs;

/// <summary>A snapshot of a job's progress as pages and the status endpoint show it.</summary>
public sealed record JobProgress(Guid JobId, AnalysisJobState State, string Stage, double Percent, int Attempts, string? Error)
{
    public static JobProgress Of(AnalysisJob job) => new(job.Id, job.State, job.Stage, job.Percent, job.Attempts, job.Error);

    public bool IsFinished => State is AnalysisJobState.Succeeded or AnalysisJobState.Failed or AnalysisJobState.Cancelled;
}
