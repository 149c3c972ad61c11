namespace LabelErrors.Web.Jobs;

/// <summary>
/// In-process push of job progress to open job pages (Blazor circuits subscribe). Jobs run by another instance are
/// not seen here; pages also re-read the database every few seconds for those.
/// </summary>
public sealed class JobProgressFeed
{
    public event Action<JobProgress>? Changed;

    public void Publish(JobProgress progress) => Changed?.Invoke(progress);
}
