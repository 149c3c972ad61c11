using LabelErrors.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LabelErrors.Web.Jobs;

/// <summary>
/// The job queue in PostgreSQL (<c>analysis_jobs</c>). Claims use <c>FOR UPDATE SKIP LOCKED</c>, so any number of
/// workers in any number of instances take each queued job exactly once; every write after the claim is fenced by
/// (worker id, attempt) so a worker that lost its job cannot touch it any more.
/// </summary>
public sealed class AnalysisJobQueue(IDbContextFactory<LabelErrorsDbContext> contexts)
{
    public async Task<NpgsqlConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var connection = new NpgsqlConnection(db.Database.GetConnectionString());
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    public async Task<ClaimedJob?> TryClaimAsync(string workerId, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE analysis_jobs
               SET state = 'Running', worker_id = @worker, attempts = attempts + 1, started_at = now(),
                   heartbeat_at = now(), stage = 'validating', percent = 0, error = NULL
             WHERE id = (SELECT id FROM analysis_jobs
                          WHERE state = 'Queued' AND dataset_id IS NOT NULL
                          ORDER BY created_at
                          LIMIT 1
                          FOR UPDATE SKIP LOCKED)
            RETURNING id, dataset_id, attempts, options_json
            """;
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("worker", workerId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            return null;
        return new ClaimedJob(reader.GetGuid(0), reader.GetInt32(1), workerId, reader.GetInt32(2), reader.GetString(3));
    }

    /// <summary>
    /// Requeues running jobs whose heartbeat is older than <paramref name="staleAfter"/> (their process died or lost
    /// the database), or fails them for good once they used <paramref name="maxAttempts"/>. Returns how many.
    /// </summary>
    public async Task<int> RequeueStaleAsync(TimeSpan staleAfter, int maxAttempts, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE analysis_jobs
               SET state = CASE WHEN attempts >= @max THEN 'Failed' ELSE 'Queued' END,
                   error = CASE WHEN attempts >= @max
                                THEN 'gave up after ' || attempts || ' attempts: the process running the analysis stopped responding each time (it ended or lost the database)'
                                ELSE error END,
                   finished_at = CASE WHEN attempts >= @max THEN now() ELSE NULL END,
                   stage = CASE WHEN attempts >= @max THEN stage ELSE 'queued' END,
                   percent = CASE WHEN attempts >= @max THEN percent ELSE 0 END,
                   worker_id = NULL
             WHERE state = 'Running' AND heartbeat_at < now() - @stale
            """;
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("max", maxAttempts);
        command.Parameters.AddWithValue("stale", staleAfter);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Records progress and proves the worker alive; false when the job is no longer this worker's.</summary>
    public async Task<bool> ReportAsync(ClaimedJob job, string stage, double percent, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE analysis_jobs SET heartbeat_at = now(), stage = @stage, percent = @percent
             WHERE id = @id AND worker_id = @worker AND attempts = @attempt AND state = 'Running'
            """;
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        AddFence(command, job);
        command.Parameters.AddWithValue("stage", stage);
        command.Parameters.AddWithValue("percent", percent);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<bool> FailAsync(ClaimedJob job, string error, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE analysis_jobs SET state = 'Failed', error = @error, finished_at = now(), heartbeat_at = now()
             WHERE id = @id AND worker_id = @worker AND attempts = @attempt AND state = 'Running'
            """;
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        AddFence(command, job);
        command.Parameters.AddWithValue("error", error);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Inside the results transaction: marks the job done only if it is still this worker's (else roll back).</summary>
    public static async Task<bool> CompleteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, ClaimedJob job, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE analysis_jobs SET state = 'Succeeded', stage = 'done', percent = 100, finished_at = now(), heartbeat_at = now()
             WHERE id = @id AND worker_id = @worker AND attempts = @attempt AND state = 'Running'
            """;
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        AddFence(command, job);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Cancels a queued or running job; a running worker notices at its next report and stops.</summary>
    public async Task<bool> CancelAsync(Guid jobId, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE analysis_jobs SET state = 'Cancelled', error = 'cancelled by the user', finished_at = now()
             WHERE id = @id AND state IN ('Queued', 'Running')
            """;
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", jobId);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static void AddFence(NpgsqlCommand command, ClaimedJob job)
    {
        command.Parameters.AddWithValue("id", job.JobId);
        command.Parameters.AddWithValue("worker", job.WorkerId);
        command.Parameters.AddWithValue("attempt", job.Attempt);
    }
}
