using LabelErrors.Web.Uploads;
using Npgsql;
using NpgsqlTypes;

namespace LabelErrors.Web.Jobs;

/// <summary>
/// Saves a multi-class (or multi-annotator) analysis: the example rows staged in the upload's own table before any
/// transaction (<see cref="StagedExampleRows"/>: parallel binary COPY, indexes built by sorting), then ONE transaction
/// attaches it as the dataset's partition of <c>examples</c> and writes what references the examples (the texts of a
/// text upload, the annotators' labels and statistics), the dataset's health, and the job marked succeeded, fenced by
/// the worker's claim. Any failure (or a lost claim) rolls that back and drops the staging table, so a dataset has
/// either all of its rows or none.
/// </summary>
public sealed class ResultWriter(AnalysisJobQueue queue, ILogger<ResultWriter> logger)
{
    // is_mturk_checked and is_validated_error are false for every upload row: the staging table's defaults fill them
    // (UploadPartition), as the columns a multi-class upload leaves NULL are left out, so the COPY sends 11 values a
    // row, not 15.
    private const string Columns = """
        dataset_id, study_index, given_label, guessed_label, predicted_label, label_quality, normalized_margin, is_cl_flagged,
        issue_rank, outlier_score, is_outlier
        """;

    private const string AnnotatorColumns = ", annotator_agreement, num_annotations";

    /// <summary>False when the job stopped being this worker's before the commit (nothing was written).</summary>
    public Task<bool> SaveAsync(ClaimedJob job, AnalysisResult result, UploadFiles files, JobReporter reporter, CancellationToken cancellationToken)
    {
        var partition = new UploadPartition(job.DatasetId, job.Attempt);
        var staged = new StagedExampleRows(queue, logger);
        return staged.AllOrNothingAsync(partition, () => SaveAsync(job, partition, staged, result, files, reporter, cancellationToken));
    }

    private async Task<bool> SaveAsync(ClaimedJob job, UploadPartition partition, StagedExampleRows staged, AnalysisResult result, UploadFiles files,
        JobReporter reporter, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var rank = IssueRanks(result.Labels.Length, result.RankedIssues);
        var columns = result.MultiAnnotator?.Result is null ? Columns : Columns + AnnotatorColumns;
        await staged.LoadAsync(partition, result.Labels.Length, columns, (importer, i) => WriteRow(importer, job.DatasetId, result, rank, i), reporter, cancellationToken);
        var loaded = clock.Elapsed;

        await using var connection = await queue.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await StagedExampleRows.AttachAsync(partition, connection, transaction, job.DatasetId, cancellationToken);
        if (files.TextContentPath is { } textPath)
            await CopyTextsAsync(connection, transaction, job.DatasetId, textPath, files.TextContentDisplayName!, result.Labels.Length, cancellationToken);
        if (result.MultiAnnotator is { } annotators)
            await MultiAnnotatorResultWriter.SaveAsync(connection, transaction, job.DatasetId, annotators, cancellationToken);

        await using (var health = new NpgsqlCommand(
            "UPDATE datasets SET upload_health_score = @score, upload_health_json = @json::jsonb WHERE id = @dataset", connection, transaction))
        {
            health.Parameters.AddWithValue("score", result.Health.OverallLabelHealthScore);
            health.Parameters.AddWithValue("json", UploadHealth.From(result.Health, result.RankedIssues.Length, result.Outliers).ToJson());
            health.Parameters.AddWithValue("dataset", job.DatasetId);
            await health.ExecuteNonQueryAsync(cancellationToken);
        }

        if (!await AnalysisJobQueue.CompleteAsync(connection, transaction, job, cancellationToken))
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Saved {Rows} example rows in {Seconds:0.00} s (COPY and indexes {LoadSeconds:0.00} s, attach and commit {CommitSeconds:0.00} s)",
            result.Labels.Length, clock.Elapsed.TotalSeconds, loaded.TotalSeconds, (clock.Elapsed - loaded).TotalSeconds);
        return true;
    }

    /// <summary>Each example's position in the ranked issues, −1 when it is not flagged.</summary>
    internal static int[] IssueRanks(int examples, int[] rankedIssues)
    {
        var rank = new int[examples];
        Array.Fill(rank, -1);
        for (var r = 0; r < rankedIssues.Length; r++)
            rank[rankedIssues[r]] = r;
        return rank;
    }

    private static void WriteRow(NpgsqlBinaryImporter importer, int datasetId, AnalysisResult result, int[] rank, int i)
    {
        var flagged = rank[i] >= 0;
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
        if (flagged)
            importer.Write(rank[i], NpgsqlDbType.Integer);
        else
            importer.WriteNull();
        if (result.Outliers is { } outliers)
        {
            importer.Write(outliers.Scores[i], NpgsqlDbType.Double);
            importer.Write(outliers.IsOutlier[i], NpgsqlDbType.Boolean);
        }
        else
        {
            importer.WriteNull();
            importer.Write(false, NpgsqlDbType.Boolean);
        }
        if (result.MultiAnnotator?.Result is { } annotators)
        {
            importer.Write(annotators.AnnotatorAgreement[i], NpgsqlDbType.Double);
            importer.Write(annotators.NumAnnotations[i], NpgsqlDbType.Integer);
        }
    }

    internal static async Task CopyTextsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int datasetId, string path, string displayName, int exampleCount, CancellationToken cancellationToken)
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

    internal static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, int datasetId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddWithValue("dataset", datasetId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
