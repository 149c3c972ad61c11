using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LabelErrors.Data;

/// <summary>
/// A second pool of the app's connections, for statements that may keep a generic plan: on it PostgreSQL's own rule
/// (<c>plan_cache_mode=auto</c>) decides, instead of <see cref="ConnectionTuning"/>'s <c>force_custom_plan</c>.
/// </summary>
/// <remarks>
/// Planning the permalink's statement (the example, its votes, text and tally, and two neighbour subqueries, each over
/// a partition of <c>examples</c> with its 17 indexes) took ≈ 0.55 ms of PostgreSQL's CPU on every page, its execution
/// ≈ 0.08 ms (pg_stat_statements under the uncached load; docs/performance.md). Statements sent here name their
/// dataset as a constant (<c>EF.Constant</c>), so a prepared statement is one dataset's: PostgreSQL prunes the other
/// partitions when it plans it, and its generic plan is made with that partition's own statistics and never holds
/// another dataset's partitions. What remains a parameter must not change the plan's shape (a study index, a page's
/// ids); PostgreSQL still plans for the parameters when its generic plan is estimated dearer than the custom ones.
/// </remarks>
public static class CachedPlans
{
    // The app has one connection string: the last derivation is kept (a reference, so threads never see half of one).
    private static Derivation? _last;

    /// <summary>Makes <paramref name="db"/> (not yet connected) use the pool that keeps generic plans.</summary>
    public static void Use(LabelErrorsDbContext db)
    {
        var given = db.Database.GetConnectionString()
            ?? throw new InvalidOperationException("The context has no connection string.");
        db.Database.SetConnectionString(ConnectionString(given));
    }

    /// <summary>The connection string of the pool that keeps generic plans: the same, with <c>plan_cache_mode=auto</c>.</summary>
    public static string ConnectionString(string tuned)
    {
        if (_last is { } last && string.Equals(last.Given, tuned, StringComparison.Ordinal))
            return last.Derived;
        var builder = new NpgsqlConnectionStringBuilder(tuned);
        var options = (builder.Options ?? "").Replace(ConnectionTuning.CustomPlans, "", StringComparison.Ordinal).Trim();
        builder.Options = options.Length == 0 ? AutoPlans : options + " " + AutoPlans;
        var derived = builder.ConnectionString;
        _last = new Derivation(tuned, derived);
        return derived;
    }

    /// <summary>
    /// After a lost or refused connection (<paramref name="failure"/>), drops this pool's idle connections: they were
    /// opened before the outage and would each fail once after it. The app's main pool loses its own on their next use,
    /// which every page makes first; this pool's may stay idle through the outage (its statements come second).
    /// </summary>
    public static void ForgetConnectionsAfter(Exception failure)
    {
        if (_last is not { } last)
            return;
        for (Exception? current = failure; current is not null; current = current.InnerException)
        {
            if (current is System.Net.Sockets.SocketException or IOException)
            {
                using var connection = new NpgsqlConnection(last.Derived);
                NpgsqlConnection.ClearPool(connection);
                return;
            }
        }
    }

    private sealed record Derivation(string Given, string Derived);

    private const string AutoPlans = "-c plan_cache_mode=auto";
}
