namespace LabelErrors.Web.Jobs;

/// <summary>Wakes this process's idle workers when a job is queued here (other instances find it by polling).</summary>
public sealed class JobSignal
{
    private readonly SemaphoreSlim _semaphore = new(0);

    public void Notify() => _semaphore.Release();

    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        await _semaphore.WaitAsync(timeout, cancellationToken);
    }
}
