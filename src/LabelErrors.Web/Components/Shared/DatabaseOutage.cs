namespace LabelErrors.Web.Components.Shared;

/// <summary>
/// The one place where a component turns "the database is unreachable" into a state instead of an error page
/// (<see cref="DatabaseErrors.IsUnavailable"/> decides what counts). Any other exception is a bug and propagates.
/// </summary>
public static class DatabaseOutage
{
    /// <summary>
    /// Runs <paramref name="work"/>; false when the database was unreachable (the work is then incomplete), after
    /// handing the exception to <paramref name="whenUnavailable"/> (e.g. to log it).
    /// </summary>
    public static async Task<bool> TryAsync(Func<Task> work, Action<Exception>? whenUnavailable = null)
    {
        try
        {
            await work();
            return true;
        }
        catch (Exception ex) when (DatabaseErrors.IsUnavailable(ex))
        {
            LabelErrors.Data.CachedPlans.ForgetConnectionsAfter(ex);
            whenUnavailable?.Invoke(ex);
            return false;
        }
    }
}
