using LabelErrors.Web.Uploads;
using Npgsql;
using NpgsqlTypes;

namespace LabelErrors.Web.Jobs;

/// <summary>
/// Saves an analysis: the example rows by binary COPY streams in parallel into the upload's own staging table
/// (<see cref="UploadPartition"/>, invisible to every query), its indexes built after, then ONE transaction attaches it
/// as the dataset's partition of <c>examples</c> and writes the texts of a text upload, the dataset's health, and the
/// job marked succeeded, fenced by the worker's claim. Any failure (or a lost claim) rolls that back and drops the
/// staging table, so a dataset has either all of its rows or none.
/// </summary>
public sealed class ResultWriter(AnalysisJobQueue queue, ILogger<ResultWriter> logger)
{
    private const int ReportEveryRows = 50_000;

    // Two cores here: the COPY streams and then the index builds each keep one PostgreSQL backend busy per stream.
    private const int CopyStreams = 2;

    /// <summary>False when the job stopped being this worker's before the commit (nothing was written).</summary>
    public async Task<bool> SaveAsync(ClaimedJob job, AnalysisResult result, UploadFiles files, JobReporter reporter, CancellationToken cancellationToken)
    {
        var partition = new UploadPartition(job.DatasetId, job.Attempt);
        try
        {
            var saved = await SaveAsync(job, partition, result, files, reporter, cancellationToken);
            if (!saved)
                await DropStagingAsync(partition);
            return saved;
        }
        catch
        {
            await DropStagingAsync(partition);
            throw;
        }
    }

    private async Task<bool> SaveAsync(ClaimedJob job, UploadPartition partition, AnalysisResult result, UploadFiles files, JobReporter reporter, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using (var staging = await queue.OpenConnectionAsync(cancellationToken))
            await partition.CreateAsync(staging, cancellationToken);
        await CopyInParallelAsync(partition.StagingName, job.DatasetId, result, reporter, cancellationToken);
        var copied = clock.Elapsed;
        await BuildIndexesAsync(partition, cancellationToken);
        reporter.Set(JobStage.Saving, 85);
        var indexed = clock.Elapsed;

        await using var connection = await queue.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Rows of the dataset in the default partition (written before the partitioning) would block the ATTACH.
        await ExecuteAsync(connection, transaction, "DELETE FROM examples WHERE dataset_id = @dataset", job.DatasetId, cancellationToken);
        await partition.AttachAsync(connection, transaction, cancellationToken);
        if (files.TextContentPath is { } textPath)
            await CopyTextsAsync(connection, transaction, job.DatasetId, textPath, files.TextContentDisplayName!, result.Labels.Length, cancellationToken);

        await using (var health = new NpgsqlCommand(
            "UPDATE datasets SET upload_health_score = @score, upload_health_json = @json::jsonb WHERE id = @dataset", connection, transaction))
        {
            health.Parameters.AddWithValue("score", result.Health.OverallLabelHealthScore);
            health.Parameters.AddWithValue("json", UploadHealth.From(result.Health, result.RankedIssues.Length).ToJson());
            health.Parameters.AddWithValue("dataset", job.DatasetId);
            await health.ExecuteNonQueryAsync(cancellationToken);
        }

        if (!await AnalysisJobQueue.CompleteAsync(connection, transaction, job, cancellationToken))
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Saved {Rows} example rows in {Seconds:0.00} s (COPY {CopySeconds:0.00} s, indexes {IndexSeconds:0.00} s, attach and commit {CommitSeconds:0.00} s)",
            result.Labels.Length, clock.Elapsed.TotalSeconds, copied.TotalSeconds, (indexed - copied).TotalSeconds, (clock.Elapsed - indexed).TotalSeconds);
        return true;
    }

    /// <summary>One binary COPY per stream, each over its own share of the rows and its own connection.</summary>
    private async Task CopyInParallelAsync(string table, int datasetId, AnalysisResult result, JobReporter reporter, CancellationToken cancellationToken)
    {
        var rank = new int[result.Labels.Length];
        Array.Fill(rank, -1);
        for (var r = 0; r < result.RankedIssues.Length; r++)
            rank[result.RankedIssues[r]] = r;
        var rows = result.Labels.Length;
        await Task.WhenAll(Enumerable.Range(0, CopyStreams).Select(stream => Task.Run(async () =>
        {
            await using var connection = await queue.OpenConnectionAsync(cancellationToken);
            // Only the first stream reports: the streams advance together.
            await CopyExamplesAsync(connection, table, datasetId, result, rank, (int)((long)rows * stream / CopyStreams),
                (int)((long)rows * (stream + 1) / CopyStreams), stream == 0 ? reporter : null, cancellationToken);
        }, cancellationToken)));
        reporter.Set(JobStage.Saving, 60);
    }

    /// <summary>The staging table's indexes, built by sorting, spread over as many connections as there are COPY streams.</summary>
    private async Task BuildIndexesAsync(UploadPartition partition, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> statements;
        await using (var connection = await queue.OpenConnectionAsync(cancellationToken))
            statements = await partition.IndexStatementsAsync(connection, cancellationToken);
        await Task.WhenAll(Enumerable.Range(0, CopyStreams).Select(stream => Task.Run(async () =>
        {
            await using var connection = await queue.OpenConnectionAsync(cancellationToken);
            for (var i = stream; i < statements.Count; i += CopyStreams)
            {
                await using var command = new NpgsqlCommand(statements[i], connection) { CommandTimeout = 0 };
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            if (stream == 0)
                await partition.AnalyzeAsync(connection, cancellationToken);
        }, cancellationToken)));
    }

    private async Task DropStagingAsync(UploadPartition partition)
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

    private static async Task CopyExamplesAsync(NpgsqlConnection connection, string table, int datasetId, AnalysisResult result, int[] rank,
        int from, int to, JobReporter? reporter, CancellationToken cancellationToken)
    {
        var copy = $"""
            COPY {table} (dataset_id, study_index, given_label, guessed_label, predicted_label, label_quality,
                           normalized_margin, is_cl_flagged, is_mturk_checked, is_validated_error, issue_rank)
            FROM STDIN (FORMAT BINARY)
            """;
        await using var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken);
        for (var i = from; i < to; i++)
        {
            var flagged = rank[i] >= 0;
            importer.StartRow();
            importer.Write(datasetId, NpgsqlDbType.Integer);
            importer.Write((long)i, NpgsqlDbType.Bigint);
            importer.Write(result.Labels[i], NpgsqlDbType.Integer);
            if (flagged)
                importer.Write(result.PredictedLabels[i], NpgsqlDbType.Integer);
            else
                importer.WriteNull();
            importer.Write(result.PredictedLabels[i], NpgsqlDbType.Integer);
            importer.Write(result.LabelQuality[i], NpgsqlDbType.Double);
            importer.Write(result.NormalizedMargin[i], NpgsqlDbType.Double);
            importer.Write(flagged, NpgsqlDbType.Boolean);
            importer.Write(false, NpgsqlDbType.Boolean);
            importer.Write(false, NpgsqlDbType.Boolean);
            if (flagged)
                importer.Write(rank[i], NpgsqlDbType.Integer);
            else
                importer.WriteNull();
            if (i % ReportEveryRows == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                reporter?.Set(JobStage.Saving, 60.0 * (i - from) / Math.Max(1, to - from));
            }
        }
        await importer.CompleteAsync(cancellationToken);
    }

    private static async Task CopyTextsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int datasetId, string path, string displayName, int exampleCount, CancellationToken cancellationToken)
    {
        await using (var create = new NpgsqlCommand("CREATE TEMP TABLE upload_texts (study_index bigint, text text) ON COMMIT DROP", connection, transaction))
            await create.ExecuteNonQueryAsync(cancellationToken);
        await using (var importer = await connection.BeginBinaryImportAsync("COPY upload_texts (study_index, text) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var (index, text) in TextContentCsv.Read(path, displayName, exampleCount))
                await importer.WriteRowAsync(cancellationToken, (long)index, text);
            await importer.CompleteAsync(cancellationToken);
        }
        const string insert = """
            INSERT INTO example_texts (dataset_id, example_id, text)
            SELECT e.dataset_id, e.id, t.text FROM upload_texts t JOIN examples e ON e.dataset_id = @dataset AND e.study_index = t.study_index
            """;
        await ExecuteAsync(connection, transaction, insert, datasetId, cancellationToken);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, int datasetId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddWithValue("dataset", datasetId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
