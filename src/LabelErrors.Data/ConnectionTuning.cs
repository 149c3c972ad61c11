using System.Data.Common;
using Npgsql;

namespace LabelErrors.Data;

/// <summary>
/// Npgsql settings for the app's pooled connections (issue #17: every uncached page is a statement or two), applied
/// unless the connection string sets them itself:
/// <list type="bullet">
/// <item><c>No Reset On Close</c>: a pooled connection is not reset with <c>DISCARD ALL</c> before its next use. The
/// app keeps no session state (no <c>SET</c>; its temporary tables are <c>ON COMMIT DROP</c>).</item>
/// <item><c>Max Auto Prepare</c>: a statement run 5 times on a connection is prepared there, so PostgreSQL stops
/// parsing and analysing it every time.</item>
/// <item><c>plan_cache_mode=force_custom_plan</c>: a prepared statement is still planned for its parameters. The
/// datasets differ by four orders of magnitude in size (and an agreement filter's selectivity with them), so a generic
/// plan chosen after five executions could suit one dataset and not the next. (The permalink's statement, one
/// dataset's point lookup, uses a second pool that keeps generic plans: <see cref="CachedPlans"/>.)</item>
/// </list>
/// </summary>
public static class ConnectionTuning
{
    public const int MaxAutoPrepare = 32;

    /// <summary>The option that keeps PostgreSQL planning prepared statements for their parameters.</summary>
    public const string CustomPlans = "-c plan_cache_mode=force_custom_plan";

    public static string Apply(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Sets(given, "No Reset On Close", "NoResetOnClose"))
            builder.NoResetOnClose = true;
        if (!Sets(given, "Max Auto Prepare", "MaxAutoPrepare"))
            builder.MaxAutoPrepare = MaxAutoPrepare;
        if (builder.Options?.Contains("plan_cache_mode", StringComparison.Ordinal) != true)
            builder.Options = string.IsNullOrWhiteSpace(builder.Options)
                ? CustomPlans
                : builder.Options + " " + CustomPlans;
        return builder.ConnectionString;
    }

    private static bool Sets(DbConnectionStringBuilder given, params string[] keys) =>
        keys.Any(given.ContainsKey);
}
