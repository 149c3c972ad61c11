using LabelErrors.Data.Entities;
using Npgsql;
using NpgsqlTypes;

namespace LabelErrors.Data.Import;

/// <summary>Bulk-loads a dataset's examples, votes and texts with PostgreSQL binary COPY (one round trip per table).</summary>
internal static class ExampleCopy
{
    public static async Task CopyExamplesAsync(NpgsqlConnection connection, int datasetId, IReadOnlyList<ExampleRow> rows, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY examples (dataset_id, study_index, external_id, given_label, guessed_label, predicted_label, label_quality, " +
            "normalized_margin, top_predictions_json, given_label_names, guessed_label_names, clip_start_seconds, clip_end_seconds, " +
            "is_cl_flagged, is_mturk_checked, is_validated_error, consensus, outlier_score, is_outlier) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(datasetId, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(row.StudyIndex, NpgsqlDbType.Bigint, cancellationToken);
            await WriteAsync(writer, row.ExternalId, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(row.GivenLabel, NpgsqlDbType.Integer, cancellationToken);
            await WriteAsync(writer, row.GuessedLabel, NpgsqlDbType.Integer, cancellationToken);
            await WriteAsync(writer, row.PredictedLabel, NpgsqlDbType.Integer, cancellationToken);
            await WriteAsync(writer, row.LabelQuality, NpgsqlDbType.Double, cancellationToken);
            await WriteAsync(writer, row.NormalizedMargin, NpgsqlDbType.Double, cancellationToken);
            await WriteAsync(writer, row.TopPredictionsJson, NpgsqlDbType.Jsonb, cancellationToken);
            await WriteAsync(writer, row.GivenLabelNames, NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
            await WriteAsync(writer, row.GuessedLabelNames, NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
            await WriteAsync(writer, row.ClipStartSeconds, NpgsqlDbType.Integer, cancellationToken);
            await WriteAsync(writer, row.ClipEndSeconds, NpgsqlDbType.Integer, cancellationToken);
            // The study's CL candidates are exactly the rows it sent to Mechanical Turk (partially, for 3 sets).
            await writer.WriteAsync(row.IsMturkChecked, NpgsqlDbType.Boolean, cancellationToken);
            await writer.WriteAsync(row.IsMturkChecked, NpgsqlDbType.Boolean, cancellationToken);
            await writer.WriteAsync(row.Verdict?.IsValidatedError ?? false, NpgsqlDbType.Boolean, cancellationToken);
            await WriteAsync(writer, row.Verdict is { } verdict ? ConsensusMapping.ToCategory(verdict.Consensus).ToString() : null, NpgsqlDbType.Varchar, cancellationToken);
            await WriteAsync(writer, row.OutlierScore, NpgsqlDbType.Double, cancellationToken);
            await writer.WriteAsync(row.IsOutlier, NpgsqlDbType.Boolean, cancellationToken);
        }
        await writer.CompleteAsync(cancellationToken);
    }

    public static async Task CopyVotesAsync(NpgsqlConnection connection, int datasetId, IReadOnlyList<(long ExampleId, ExampleRow Row)> rows, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY mturk_votes (dataset_id, example_id, given, guessed, neither, \"both\", neutral, off_topic, positive, negative, total, label_votes_json, source_url) " +
            "FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var (exampleId, row) in rows)
        {
            var record = row.Record!;
            var votes = record.Votes;
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(datasetId, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(exampleId, NpgsqlDbType.Bigint, cancellationToken);
            await writer.WriteAsync(votes.Given, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(votes.Guessed, NpgsqlDbType.Integer, cancellationToken);
            await WriteAsync(writer, votes.Neither, NpgsqlDbType.Integer, cancellationToken);
            await WriteAsync(writer, votes.Both, NpgsqlDbType.Integer, cancellationToken);
            await WriteAsync(writer, votes.Neutral, NpgsqlDbType.Integer, cancellationToken);
            await WriteAsync(writer, votes.OffTopic, NpgsqlDbType.Integer, cancellationToken);
            await WriteAsync(writer, votes.Positive, NpgsqlDbType.Integer, cancellationToken);
            await WriteAsync(writer, votes.Negative, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(votes.Total, NpgsqlDbType.Integer, cancellationToken);
            var labelVotes = votes.LabelVotes is null ? null : Json.LabelVotes.ToJson(votes.LabelVotes);
            await WriteAsync(writer, labelVotes, NpgsqlDbType.Jsonb, cancellationToken);
            await WriteAsync(writer, record.Url, NpgsqlDbType.Text, cancellationToken);
        }
        await writer.CompleteAsync(cancellationToken);
    }

    public static async Task CopyTextsAsync(NpgsqlConnection connection, int datasetId, IReadOnlyList<(long ExampleId, ExampleRow Row)> rows, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync("COPY example_texts (dataset_id, example_id, text) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var (exampleId, row) in rows)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(datasetId, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(exampleId, NpgsqlDbType.Bigint, cancellationToken);
            await writer.WriteAsync(row.Text!, NpgsqlDbType.Text, cancellationToken);
        }
        await writer.CompleteAsync(cancellationToken);
    }

    private static Task WriteAsync<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type, CancellationToken cancellationToken) where T : class =>
        value is null ? writer.WriteNullAsync(cancellationToken) : writer.WriteAsync(value, type, cancellationToken);

    private static Task WriteAsync<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type, CancellationToken cancellationToken) where T : struct =>
        value is { } present ? writer.WriteAsync(present, type, cancellationToken) : writer.WriteNullAsync(cancellationToken);
}
