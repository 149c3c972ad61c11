using Npgsql;
using NpgsqlTypes;

namespace LabelErrors.Web.Jobs.MultiLabel;

/// <summary>
/// Saves a multi-label analysis as <see cref="ResultWriter"/> does for multi-class: the example rows (given_label is the
/// example's smallest given class id, −1 when it has none: the full set is in example_class_labels) staged in the
/// upload's own table before any transaction (<see cref="StagedExampleRows"/>), then ONE transaction attaches it as the
/// dataset's partition, writes the (example, class) rows by binary COPY into a temporary table joined to the new
/// example ids, the texts of a text upload, and marks the job succeeded, fenced by the worker's claim.
/// </summary>
public sealed class MultiLabelResultWriter(AnalysisJobQueue queue, ILogger<MultiLabelResultWriter> logger)
{
    private const string Columns = """
        dataset_id, study_index, given_label, predicted_label, label_quality, normalized_margin, is_cl_flagged,
        is_mturk_checked, is_validated_error, issue_rank
        """;

    /// <summary>False when the job stopped being this worker's before the commit (nothing was written).</summary>
    public Task<bool> SaveAsync(ClaimedJob job, MultiLabelAnalysisResult result, UploadFiles files, JobReporter reporter, CancellationToken cancellationToken)
    {
        var partition = new UploadPartition(job.DatasetId, job.Attempt);
        var staged = new StagedExampleRows(queue, logger);
        return staged.AllOrNothingAsync(partition, () => SaveAsync(job, partition, staged, result, files, reporter, cancellationToken));
    }

    private async Task<bool> SaveAsync(ClaimedJob job, UploadPartition partition, StagedExampleRows staged, MultiLabelAnalysisResult result, UploadFiles files,
        JobReporter reporter, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var rank = ResultWriter.IssueRanks(result.ExampleCount, result.RankedIssues);
        await staged.LoadAsync(partition, result.ExampleCount, Columns, (importer, i) => WriteRow(importer, job.DatasetId, result, rank, i), reporter, cancellationToken);

        await using var connection = await queue.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await StagedExampleRows.AttachAsync(partition, connection, transaction, job.DatasetId, cancellationToken);
        await CopyClassRowsAsync(connection, transaction, job.DatasetId, result, cancellationToken);
        if (files.TextContentPath is { } textPath)
            await ResultWriter.CopyTextsAsync(connection, transaction, job.DatasetId, textPath, files.TextContentDisplayName!, result.ExampleCount, cancellationToken);
        // The multi-class health summary (confident joint, overlapping classes) does not apply to a label set.
        await ResultWriter.ExecuteAsync(connection, transaction,
            "UPDATE datasets SET upload_health_score = NULL, upload_health_json = NULL WHERE id = @dataset", job.DatasetId, cancellationToken);

        if (!await AnalysisJobQueue.CompleteAsync(connection, transaction, job, cancellationToken))
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Saved {Rows} multi-label example rows and {ClassRows} class rows in {Seconds:0.00} s",
            result.ExampleCount, result.ClassRows.Count, clock.Elapsed.TotalSeconds);
        return true;
    }

    /// <summary>The example's representative given_label: its smallest given class id, −1 when its set is empty.</summary>
    public static int RepresentativeLabel(ReadOnlySpan<int> givenSet) => givenSet.IsEmpty ? -1 : givenSet[0];

    private static void WriteRow(NpgsqlBinaryImporter importer, int datasetId, MultiLabelAnalysisResult result, int[] rank, int i)
    {
        var flagged = rank[i] >= 0;
        importer.Write(datasetId, NpgsqlDbType.Integer);
        importer.Write((long)i, NpgsqlDbType.Bigint);
        importer.Write(RepresentativeLabel(result.Labels[i]), NpgsqlDbType.Integer);
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
    }

    private static async Task CopyClassRowsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int datasetId, MultiLabelAnalysisResult result, CancellationToken cancellationToken)
    {
        await using (var create = new NpgsqlCommand("""
            CREATE TEMP TABLE upload_class_labels (study_index bigint, class_index int, is_given boolean, probability double precision,
                                                   quality double precision, issue text) ON COMMIT DROP
            """, connection, transaction))
            await create.ExecuteNonQueryAsync(cancellationToken);
        await using (var importer = await connection.BeginBinaryImportAsync(
            "COPY upload_class_labels (study_index, class_index, is_given, probability, quality, issue) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var row in result.ClassRows)
            {
                importer.StartRow();
                importer.Write((long)row.Example, NpgsqlDbType.Bigint);
                importer.Write(row.ClassIndex, NpgsqlDbType.Integer);
                importer.Write(row.IsGiven, NpgsqlDbType.Boolean);
                importer.Write(row.Probability, NpgsqlDbType.Double);
                importer.Write(row.Quality, NpgsqlDbType.Double);
                if (row.Issue is { } issue)
                    importer.Write(issue.ToString(), NpgsqlDbType.Text);
                else
                    importer.WriteNull();
            }
            await importer.CompleteAsync(cancellationToken);
        }
        const string insert = """
            INSERT INTO example_class_labels (dataset_id, example_id, class_index, is_given, probability, quality, issue)
            SELECT e.dataset_id, e.id, t.class_index, t.is_given, t.probability, t.quality, t.issue
            FROM upload_class_labels t JOIN examples e ON e.dataset_id = @dataset AND e.study_index = t.study_index
            """;
        await ResultWriter.ExecuteAsync(connection, transaction, insert, datasetId, cancellationToken);
    }
}
