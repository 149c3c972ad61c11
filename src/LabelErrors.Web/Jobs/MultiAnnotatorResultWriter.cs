using LabelErrors.Core.ConfidentLearning.MultiAnnotator;
using Npgsql;
using NpgsqlTypes;

namespace LabelErrors.Web.Jobs;

/// <summary>
/// Saves what a multi-annotator analysis adds to the example rows, inside <see cref="ResultWriter"/>'s transaction and
/// after its COPY of the examples (which carries each example's annotator agreement and number of annotations): every
/// annotator's label (one row per non-empty cell, with its detailed label quality), by binary COPY into a temporary
/// table joined to the examples by index as the texts of a text upload are, and the annotator statistics.
/// </summary>
public static class MultiAnnotatorResultWriter
{
    public static async Task SaveAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int datasetId, MultiAnnotatorOutcome outcome, CancellationToken cancellationToken)
    {
        var (labels, result) = outcome;
        await ExecuteAsync(connection, transaction, "DELETE FROM upload_annotators WHERE dataset_id = @dataset", datasetId, cancellationToken);
        await ExecuteAsync(connection, transaction,
            "CREATE TEMP TABLE upload_votes (study_index bigint, annotator integer, label integer, quality double precision) ON COMMIT DROP",
            datasetId, cancellationToken);

        await using (var importer = await connection.BeginBinaryImportAsync("COPY upload_votes (study_index, annotator, label, quality) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            for (var i = 0; i < labels.N; i++)
            {
                if (i % 10_000 == 0)
                    cancellationToken.ThrowIfCancellationRequested();
                var row = labels.Row(i);
                for (var j = 0; j < row.Length; j++)
                {
                    if (row[j] == AnnotatorLabels.Missing)
                        continue;
                    importer.StartRow();
                    importer.Write((long)i, NpgsqlDbType.Bigint);
                    importer.Write(j, NpgsqlDbType.Integer);
                    importer.Write(row[j], NpgsqlDbType.Integer);
                    importer.Write(result.DetailedLabelQuality(i, j), NpgsqlDbType.Double);
                }
            }
            await importer.CompleteAsync(cancellationToken);
        }
        await ExecuteAsync(connection, transaction, """
            INSERT INTO example_annotations (dataset_id, example_id, annotator, label, label_quality)
            SELECT e.dataset_id, e.id, v.annotator, v.label, v.quality
            FROM upload_votes v JOIN examples e ON e.dataset_id = @dataset AND e.study_index = v.study_index
            """, datasetId, cancellationToken);

        await using (var importer = await connection.BeginBinaryImportAsync("""
            COPY upload_annotators (dataset_id, annotator, name, annotator_quality, agreement_with_consensus, worst_class, num_examples_labeled, position)
            FROM STDIN (FORMAT BINARY)
            """, cancellationToken))
        {
            for (var position = 0; position < result.AnnotatorStats.Count; position++)
            {
                var stats = result.AnnotatorStats[position];
                importer.StartRow();
                importer.Write(datasetId, NpgsqlDbType.Integer);
                importer.Write(stats.Annotator, NpgsqlDbType.Integer);
                importer.Write(stats.AnnotatorId, NpgsqlDbType.Text);
                if (double.IsNaN(stats.AnnotatorQuality))
                    importer.WriteNull();
                else
                    importer.Write(stats.AnnotatorQuality, NpgsqlDbType.Double);
                importer.Write(stats.AgreementWithConsensus, NpgsqlDbType.Double);
                importer.Write(stats.WorstClass, NpgsqlDbType.Integer);
                importer.Write(stats.NumExamplesLabeled, NpgsqlDbType.Integer);
                importer.Write(position, NpgsqlDbType.Integer);
            }
            await importer.CompleteAsync(cancellationToken);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, int datasetId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddWithValue("dataset", datasetId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
