using Npgsql;

namespace LabelErrors.Web.Jobs;

/// <summary>
/// The part of a save that every upload task shares and that runs before its final transaction: the example rows
/// COPYed in parallel binary streams into the upload's own staging table (<see cref="UploadPartition"/>, invisible to
/// every query), its indexes then built by sorting, spread over as many connections, and its statistics gathered.
/// The writer then ATTACHes it in the transaction that writes the rows that reference the examples (texts, class
/// rows, annotator votes) and marks the job succeeded; a failure drops the staging table.
/// </summary>
public sealed class StagedExampleRows(AnalysisJobQueue queue, ILogger logger)
{
    private const int ReportEveryRows = 50_000;

    // Two cores here: the COPY streams and then the index builds each keep one PostgreSQL backend busy per stream.
    private const int Streams = 2;

    /// <summary>
    /// Fills and indexes <paramref name="partition"/>'s staging table: <paramref name="writeRow"/> writes row i's
    /// values of <paramref name="columns"/> (called from several threads, each over its own range of rows).
    /// Reports Saving 0–60 % while copying and 60–85 % once indexed.
    /// </summary>
    public async Task LoadAsync(UploadPartition partition, int rows, string columns, Action<NpgsqlBinaryImporter, int> writeRow,
        JobReporter reporter, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        IReadOnlyList<string> statements;
        await using (var connection = await queue.OpenConnectionAsync(cancellationToken))
        {
            await partition.CreateAsync(connection, cancellationToken);
            statements = await partition.IndexStatementsAsync(connection, cancellationToken);
            // The partial indexes hold none or few of an upload's rows (checked, validated, consensus and label-name
            // rows: none; flagged rows and outliers: a few percent). Built afterwards, each would read the whole table;
            // created before the COPY, they cost a predicate test per row and an insertion per matching row.
            foreach (var statement in statements.Where(UploadPartition.IsPartial))
            {
                await using var command = new NpgsqlCommand(statement, connection);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            statements = statements.Where(statement => !UploadPartition.IsPartial(statement)).ToArray();
        }
        var copy = $"COPY {partition.StagingName} ({columns}) FROM STDIN (FORMAT BINARY)";
        await Task.WhenAll(Enumerable.Range(0, Streams).Select(stream => Task.Run(async () =>
        {
            await using var connection = await queue.OpenConnectionAsync(cancellationToken);
            int from = (int)((long)rows * stream / Streams), to = (int)((long)rows * (stream + 1) / Streams);
            await using var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken);
            for (var i = from; i < to; i++)
            {
                importer.StartRow();
                writeRow(importer, i);
                if ((i - from) % ReportEveryRows == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    // Only the first stream reports: the streams advance together.
                    if (stream == 0)
                        reporter.Set(JobStage.Saving, 60.0 * (i - from) / Math.Max(1, to - from));
                }
            }
            await importer.CompleteAsync(cancellationToken);
        }, cancellationToken)));
        reporter.Set(JobStage.Saving, 60);
        var copied = clock.Elapsed;

        await Task.WhenAll(Enumerable.Range(0, Streams).Select(stream => Task.Run(async () =>
        {
            await using var connection = await queue.OpenConnectionAsync(cancellationToken);
            // Enough for a sort in memory (measured at 10M rows: 256 MB spilled to disk, 50 s instead of 84 s of wall
            // time for the five builds at the same CPU), at most 1 GB a build; two builds at once hold twice this.
            // The pool keeps sessions as they are (No Reset On Close, Data/ConnectionTuning): the setting is undone here.
            await using (var memory = new NpgsqlCommand($"SET maintenance_work_mem = '{IndexBuildMemoryMegabytes(rows)}MB'", connection))
                await memory.ExecuteNonQueryAsync(cancellationToken);
            try
            {
                for (var i = stream; i < statements.Count; i += Streams)
                {
                    await using var command = new NpgsqlCommand(statements[i], connection) { CommandTimeout = 0 };
                    await command.ExecuteNonQueryAsync(cancellationToken);
                }
                if (stream == 0)
                    await partition.AnalyzeAsync(connection, cancellationToken);
            }
            finally
            {
                await using var reset = new NpgsqlCommand("RESET maintenance_work_mem", connection);
                await reset.ExecuteNonQueryAsync(CancellationToken.None);
            }
        }, cancellationToken)));
        reporter.Set(JobStage.Saving, 85);
        logger.LogInformation("Staged {Rows} rows in {Table}: partial indexes and COPY {CopySeconds:0.00} s, {Indexes} index builds and ANALYZE {IndexSeconds:0.00} s",
            rows, partition.StagingName, copied.TotalSeconds, statements.Count, (clock.Elapsed - copied).TotalSeconds);
    }

    /// <summary>Sort memory of one index build: about 80 bytes a row (an index tuple and its sort slot), 256 MB to 1 GB.</summary>
    internal static long IndexBuildMemoryMegabytes(int rows) => Math.Clamp(rows * 80L >> 20, 256, 1024);

    /// <summary>
    /// In the final transaction: removes rows the dataset has outside a partition of its own (written before the
    /// partitioning, or by hand: they would block the ATTACH), then attaches the staging table as its partition.
    /// </summary>
    public static async Task AttachAsync(UploadPartition partition, NpgsqlConnection connection, NpgsqlTransaction transaction, int datasetId, CancellationToken cancellationToken)
    {
        await ResultWriter.ExecuteAsync(connection, transaction, "DELETE FROM examples WHERE dataset_id = @dataset", datasetId, cancellationToken);
        await partition.AttachAsync(connection, transaction, cancellationToken);
    }

    /// <summary>
    /// Runs a writer's <paramref name="save"/> so that an upload is all there or not there: the staging table is dropped
    /// when the save fails or writes nothing (false: the job stopped being this worker's before the commit).
    /// </summary>
    public async Task<bool> AllOrNothingAsync(UploadPartition partition, Func<Task<bool>> save)
    {
        try
        {
            var saved = await save();
            if (!saved)
                await DropAsync(partition);
            return saved;
        }
        catch
        {
            await DropAsync(partition);
            throw;
        }
    }

    /// <summary>Drops this attempt's staging table after a failed or fenced-off save.</summary>
    public async Task DropAsync(UploadPartition partition)
    {
        try
        {
            await using var connection = await queue.OpenConnectionAsync(CancellationToken.None);
            await partition.DropOwnAsync(connection, CancellationToken.None);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            // A later attempt drops it, and deleting the upload does too.
            logger.LogWarning("Could not drop the staging table {Table}: {Reason}", partition.StagingName, e.Message);
        }
    }
}
