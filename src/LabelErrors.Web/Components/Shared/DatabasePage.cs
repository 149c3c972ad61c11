using Microsoft.AspNetCore.Components;

namespace LabelErrors.Web.Components.Shared;

/// <summary>
/// Base of the pages that load data: <see cref="LoadAsync"/> runs a load and, when the database is unreachable, sets
/// <see cref="Unavailable"/>, which the page shows as <c>&lt;DatabaseUnavailable /&gt;</c>. A later load that
/// succeeds (the next navigation, once PostgreSQL is back) clears it again.
/// </summary>
public abstract class DatabasePage : ComponentBase
{
    protected bool Unavailable { get; private set; }

    /// <summary>Runs <paramref name="load"/>; false (and <see cref="Unavailable"/> set) when the database was unreachable.</summary>
    protected async Task<bool> LoadAsync(Func<Task> load)
    {
        var loaded = await DatabaseOutage.TryAsync(load);
        Unavailable = !loaded;
        return loaded;
    }
}
