using System.Net.Sockets;
using Npgsql;

namespace LabelErrors.Data.Failures;

/// <summary>
/// Tells a transient database failure (retry, or tell the visitor to come back) from a bug (fail at once and say
/// what failed). One classifier for the jobs, the pages and the readiness check.
/// </summary>
public static class DatabaseFailures
{
    public static bool IsTransient(Exception exception) => Classify(exception) == DatabaseFailure.Transient;

    public static bool IsBug(Exception exception) => Classify(exception) == DatabaseFailure.Bug;

    /// <summary>
    /// Walks the exception and its inner exceptions (EF Core and Npgsql wrap the server's error): the first
    /// <see cref="PostgresException"/> decides by its SQL state; otherwise a network cause (an I/O, socket or timeout
    /// error, or <see cref="NpgsqlException.IsTransient"/>) is transient and any other Npgsql error a bug. A
    /// cancellation is never a failure, even when Npgsql puts the server's "query cancelled" inside it.
    /// </summary>
    public static DatabaseFailure Classify(Exception exception)
    {
        if (exception is OperationCanceledException)
            return DatabaseFailure.None;
        var fromNpgsql = false;
        var network = false;
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case PostgresException server:
                    return IsTransientSqlState(server.SqlState) || server.IsTransient ? DatabaseFailure.Transient : DatabaseFailure.Bug;
                case NpgsqlException npgsql:
                    fromNpgsql = true;
                    network |= npgsql.IsTransient;
                    break;
                // A socket or timeout error is the network's wherever it comes from; an I/O error only under Npgsql
                // (on its own it is more likely a file).
                case SocketException or TimeoutException:
                case IOException when fromNpgsql:
                    network = true;
                    break;
            }
        }
        return network ? DatabaseFailure.Transient : fromNpgsql ? DatabaseFailure.Bug : DatabaseFailure.None;
    }

    /// <summary>The server's error inside <paramref name="exception"/>, if the server sent one.</summary>
    public static PostgresException? ServerError(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
            if (current is PostgresException server)
                return server;
        return null;
    }

    /// <summary>
    /// SQL states worth a retry. Npgsql's own list (<see cref="PostgresException.IsTransient"/>: class 08 connection
    /// exceptions, class 53 insufficient resources, 57P03 cannot_connect_now, 40001 serialization_failure, 55P03
    /// lock_not_available, …) is OR-ed in by the caller; this adds what a restart or an overload also sends: the whole
    /// of classes 08 and 53, 57P01 admin_shutdown (also what pg_terminate_backend sends), 57P02 crash_shutdown,
    /// 57P05 idle_session_timeout, 57014 query_canceled (a statement timeout) and 40P01 deadlock_detected.
    /// </summary>
    public static bool IsTransientSqlState(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal)
        || sqlState.StartsWith("53", StringComparison.Ordinal)
        || sqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
            or PostgresErrorCodes.IdleSessionTimeout or PostgresErrorCodes.QueryCanceled
            or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure;

    /// <summary>
    /// One line naming what the server refused, for a job's error and the logs: the SQL state and its class, the
    /// constraint and table when there is one, and the server's message, e.g.
    /// <c>PostgreSQL 23514 (integrity constraint violation) on constraint "x" of table "examples": new row … violates …</c>.
    /// </summary>
    public static string Describe(PostgresException error)
    {
        var where = (error.ConstraintName, error.TableName) switch
        {
            ({ } constraint, { } table) => $" on constraint \"{constraint}\" of table \"{table}\"",
            ({ } constraint, null) => $" on constraint \"{constraint}\"",
            (null, { } table) => $" on table \"{table}\"",
            _ => "",
        };
        var kind = SqlStateClasses.Describe(error.SqlState) is { } name ? $" ({name})" : "";
        return $"PostgreSQL {error.SqlState}{kind}{where}: {error.MessageText.ReplaceLineEndings(" ")}";
    }
}
