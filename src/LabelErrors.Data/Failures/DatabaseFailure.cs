namespace LabelErrors.Data.Failures;

/// <summary>What kind of database failure an exception is (see <see cref="DatabaseFailures.Classify"/>).</summary>
public enum DatabaseFailure
{
    /// <summary>Not a database failure (a file error, a cancellation, a bug in our own C#).</summary>
    None,

    /// <summary>
    /// The database is away or overloaded for now (connection refused or reset, a timeout, the server starting up or
    /// shutting down, a deadlock): the same call may succeed later, so it is retried and shown as "unavailable".
    /// </summary>
    Transient,

    /// <summary>
    /// The server answered and refused the statement (a SQL error, a constraint violation, a permission): running it
    /// again gives the same answer, so it is never retried and never reported as an outage.
    /// </summary>
    Bug,
}
