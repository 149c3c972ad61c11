using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace LabelErrors.Web.Tests;

/// <summary>
/// Observes the app's real queries: before each one that touches <c>examples</c> runs, asks PostgreSQL for its plan
/// (EXPLAIN with the same parameters, on the same connection) and keeps it.
/// </summary>
public sealed partial class QueryPlanRecorder : DbCommandInterceptor
{
    public ConcurrentQueue<(string Sql, string Plan)> Plans { get; } = new();

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        RecordAsync(command, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await RecordAsync(command, cancellationToken);
        return result;
    }

    private async Task RecordAsync(DbCommand command, CancellationToken cancellationToken)
    {
        // Only single SELECTs: EXPLAIN covers the first statement of a batch, so the rest of an INSERT batch would run twice.
        var sql = command.CommandText.TrimStart();
        if (!sql.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) || sql.TrimEnd().TrimEnd(';').Contains(';')
            || !sql.Contains("examples", StringComparison.Ordinal) || command.Connection is null)
            return;
        await using var explain = command.Connection.CreateCommand();
        explain.Transaction = command.Transaction;
        explain.CommandText = "EXPLAIN " + command.CommandText;
        foreach (NpgsqlParameter parameter in command.Parameters)
            explain.Parameters.Add(parameter.Clone());
        var lines = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                lines.Add(reader.GetString(0));
        }
        Plans.Enqueue((command.CommandText, await AsParentsAsync(command, string.Join('\n', lines), cancellationToken)));
    }

    /// <summary>
    /// <c>examples</c> is partitioned by dataset: a plan reads a partition's copy of an index ("Index Scan using
    /// examples_7_dataset_id_issue_rank_idx on examples_7 examples"). The plan is kept with each partition and
    /// partition index named by its parent ("… using ix_examples_dataset_id_issue_rank on examples examples"), so the
    /// tests name the indexes of the EF model whichever partition holds the rows.
    /// </summary>
    private static async Task<string> AsParentsAsync(DbCommand command, string plan, CancellationToken cancellationToken)
    {
        await using var parents = command.Connection!.CreateCommand();
        parents.Transaction = command.Transaction;
        parents.CommandText = """
            SELECT c.relname, p.relname FROM pg_inherits i
              JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
             WHERE p.relkind IN ('p', 'I')
             ORDER BY length(c.relname) DESC
            """;
        // A sequential scan of one dataset's own partition reads that dataset's rows and no other's (what an index on
        // dataset_id would read): it keeps its name, so only a scan of the parent, the default partition or several
        // partitions reads as "Seq Scan on examples".
        if (OwnPartitionScan().Matches(plan).Select(m => m.Groups[1].Value).Distinct().Count() == 1)
            plan = OwnPartitionScan().Replace(plan, "Seq Scan on the own partition of dataset $1");
        await using var reader = await parents.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            plan = System.Text.RegularExpressions.Regex.Replace(plan, $@"\b{reader.GetString(0)}\b", reader.GetString(1));
        return plan;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"Seq Scan on examples_([0-9]+)\b")]
    private static partial System.Text.RegularExpressions.Regex OwnPartitionScan();
}
