using System.Text.RegularExpressions;
using Npgsql;

namespace LabelErrors.Web.Jobs;

/// <summary>
/// An upload's own partition of <c>examples</c> (migration UploadPartitionsPerDataset): a bare table, invisible to
/// every query, that the job's COPY streams fill in parallel; its indexes are then built by sorting (far cheaper than
/// maintaining them row by row) and it is ATTACHed in the job's final transaction. Its CHECK constraint states the
/// partition bound, so the ATTACH does not rescan the rows. The staging table's name carries the attempt, so a stale
/// writer of an earlier attempt never writes into the table this attempt attaches.
/// </summary>
public sealed partial class UploadPartition(int datasetId, int attempt)
{
    /// <summary>The name the partition has once attached (the deletion trigger drops it by this name).</summary>
    public string Name { get; } = $"examples_{datasetId}";

    /// <summary>The table the rows are loaded into until the ATTACH.</summary>
    public string StagingName { get; } = $"examples_{datasetId}_staging_{attempt}";

    /// <summary>Drops what earlier attempts left and creates this attempt's empty, index-less staging table.</summary>
    public async Task CreateAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await DropStagingAsync(connection, cancellationToken);
        await ExecuteAsync(connection, $"""
            CREATE TABLE {StagingName} (LIKE examples INCLUDING DEFAULTS INCLUDING CONSTRAINTS,
                CONSTRAINT {StagingName}_dataset CHECK (dataset_id IS NOT NULL AND dataset_id = {datasetId}))
            WITH (autovacuum_enabled = off)
            """, cancellationToken);
        // No upload row is checked by MTurk or validated: defaults spare the COPY two values a row (dropped at the ATTACH).
        await ExecuteAsync(connection, $"""
            ALTER TABLE {StagingName} ALTER COLUMN is_mturk_checked SET DEFAULT false, ALTER COLUMN is_validated_error SET DEFAULT false
            """, cancellationToken);
    }

    /// <summary>
    /// The statements that give the staging table the indexes and keys of <c>examples</c> (read from the catalog, so
    /// an index added by a later migration is built too), each to be run on its own connection in parallel.
    /// </summary>
    public async Task<IReadOnlyList<string>> IndexStatementsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT pg_get_indexdef(i.indexrelid), c.contype::text, pg_get_constraintdef(c.oid)
            FROM pg_index i LEFT JOIN pg_constraint c ON c.conindid = i.indexrelid AND c.conrelid = i.indrelid
            WHERE i.indrelid = 'examples'::regclass
            """;
        var statements = new List<string>();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        // Named here: PostgreSQL's own names are chosen per session, so two builds running at once could pick the same
        // truncated name for two long ones.
        while (await reader.ReadAsync(cancellationToken))
        {
            var name = $"{StagingName}_{statements.Count}";
            if (!reader.IsDBNull(1) && reader.GetString(1) is "p" or "u")
                statements.Add($"ALTER TABLE {StagingName} ADD CONSTRAINT {name} {reader.GetString(2)}");
            else
                statements.Add(ParentIndex().Replace(reader.GetString(0), $"CREATE $1INDEX {name} ON {StagingName} ", 1));
        }
        return statements;
    }

    /// <summary>Whether an index statement of <see cref="IndexStatementsAsync"/> builds a partial index (one with a WHERE clause).</summary>
    public static bool IsPartial(string statement) => statement.StartsWith("CREATE ", StringComparison.Ordinal) && statement.Contains(" WHERE ", StringComparison.Ordinal);

    /// <summary>
    /// Statistics for the planner before the first page is asked for (autovacuum would come later), and the visibility
    /// map: without it the gallery's counts are parallel sequential scans of the partition until autovacuum has been by.
    /// </summary>
    public Task AnalyzeAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, $"VACUUM (ANALYZE) {StagingName}", cancellationToken);

    /// <summary>Makes the rows visible, in the caller's transaction (the one that marks the job succeeded).</summary>
    public async Task AttachAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, $"ALTER TABLE examples ATTACH PARTITION {StagingName} FOR VALUES IN ({datasetId})", cancellationToken, transaction);
        await ExecuteAsync(connection, $"ALTER TABLE {StagingName} RENAME TO {Name}", cancellationToken, transaction);
        // Off while loading (a vacuum of the fresh rows would make the index builds wait); back to normal once attached.
        await ExecuteAsync(connection, $"ALTER TABLE {Name} RESET (autovacuum_enabled)", cancellationToken, transaction);
        // The partition's columns as the parent's again (catalog only: the rows keep their values).
        await ExecuteAsync(connection, $"ALTER TABLE {Name} ALTER COLUMN is_mturk_checked DROP DEFAULT, ALTER COLUMN is_validated_error DROP DEFAULT",
            cancellationToken, transaction);
    }

    /// <summary>Drops this attempt's staging table (a failed save leaves no table behind).</summary>
    public Task DropOwnAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, $"DROP TABLE IF EXISTS {StagingName}", cancellationToken);

    /// <summary>Drops every unattached staging table of the dataset, those of earlier attempts included.</summary>
    public async Task DropStagingAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT c.oid::regclass::text FROM pg_class c
            WHERE c.relkind = 'r' AND c.relname LIKE @pattern
              AND c.relnamespace = (SELECT relnamespace FROM pg_class WHERE oid = 'examples'::regclass)
              AND NOT EXISTS (SELECT 1 FROM pg_inherits i WHERE i.inhrelid = c.oid)
            """;
        var tables = new List<string>();
        await using (var command = new NpgsqlCommand(sql, connection))
        {
            command.Parameters.AddWithValue("pattern", $@"examples\_{datasetId}\_staging\_%");
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                tables.Add(reader.GetString(0));
        }
        foreach (var table in tables)
            await ExecuteAsync(connection, $"DROP TABLE IF EXISTS {table}", cancellationToken);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, NpgsqlTransaction? transaction = null)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // "CREATE [UNIQUE] INDEX name ON ONLY public.examples USING …": the same index on the staging table.
    [GeneratedRegex(@"^CREATE (UNIQUE )?INDEX \S+ ON ONLY \S*examples ")]
    private static partial Regex ParentIndex();
}
