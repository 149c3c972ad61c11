using System.Net.Sockets;
using Npgsql;

namespace LabelErrors.Web;

/// <summary>Tells a database outage (worth a friendly message and a retry later) from a programming error.</summary>
public static class DatabaseErrors
{
    public static bool IsUnavailable(Exception ex) => ex switch
    {
        NpgsqlException or SocketException or TimeoutException => true,
        InvalidOperationException { InnerException: { } inner } => IsUnavailable(inner),
        AggregateException { InnerException: { } inner } => IsUnavailable(inner),
        _ => ex.InnerException is { } cause && IsUnavailable(cause),
    };
}
