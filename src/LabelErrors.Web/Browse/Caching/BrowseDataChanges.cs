using Microsoft.Extensions.Primitives;

namespace LabelErrors.Web.Browse.Caching;

/// <summary>
/// A change token for everything the browse pages keep in memory (dataset lookups, the dataset menu): signalled when
/// the study's data or the list of datasets changes, so the next request reads the database again.
/// </summary>
public sealed class BrowseDataChanges
{
    private CancellationTokenSource _current = new();

    public IChangeToken Token => new CancellationChangeToken(Volatile.Read(ref _current).Token);

    public void Signal()
    {
        var previous = Interlocked.Exchange(ref _current, new CancellationTokenSource());
        previous.Cancel();
        previous.Dispose();
    }
}
