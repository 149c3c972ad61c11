using LabelErrors.Data.Failures;
using Npgsql;

namespace LabelErrors.Web.Jobs;

/// <summary>
/// A job's database step failed for good: its retries were used up on a transient failure, or the server refused it
/// (a bug, never retried). <see cref="JobError"/> is what the job's page and API show.
/// </summary>
public sealed class JobStepFailedException(string step, Exception cause) : Exception($"{step} failed: {cause.Message}", cause)
{
    /// <summary>What the job was doing, as a phrase ("saving the results").</summary>
    public string Step { get; } = step;

    public DatabaseFailure Failure { get; } = DatabaseFailures.Classify(cause);

    /// <summary>The server's error, if it sent one (for its SQL state).</summary>
    public PostgresException? ServerError { get; } = DatabaseFailures.ServerError(cause);

    /// <summary>
    /// One line for the user: an outage says so and suggests retrying later; a bug names the step and what the
    /// server refused (SQL state, constraint, table, message). A bug is never called an outage.
    /// </summary>
    public string JobError => Failure == DatabaseFailure.Transient
        ? $"the database was unreachable while {Step} ({Flatten(InnerException!.Message)}); upload again or retry later"
        : ServerError is { } server
            ? $"{Step} failed: {DatabaseFailures.Describe(server)}"
            : $"{Step} failed: {InnerException!.GetType().Name}: {Flatten(InnerException.Message)}";

    private static string Flatten(string message) => message.ReplaceLineEndings(" ");
}
