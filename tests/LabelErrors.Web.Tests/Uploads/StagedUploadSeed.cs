using LabelErrors.Data.Entities;
using LabelErrors.Web.Jobs;
using LabelErrors.Web.Uploads;
using Npgsql;

namespace LabelErrors.Web.Tests.Uploads;

/// <summary>
/// Gives a seeded upload dataset its partition of <c>examples</c> as its job does, with rows generated inside
/// PostgreSQL instead of COPYed from an analysis: the staging table <see cref="UploadPartition"/> creates, filled by two
/// <c>INSERT … SELECT FROM generate_series</c> streams (as the job's two COPY streams), its indexes and keys built from
/// <see cref="UploadPartition.IndexStatementsAsync"/> (read from the catalog, so they are exactly the product's) on two
/// connections with the job's <c>maintenance_work_mem</c>, ANALYZEd, then attached by <see cref="StagedExampleRows"/>.
/// The rows are shaped as <c>ResultWriter</c> writes them: 100 classes, every tenth example flagged and ranked (its
/// issue rank a permutation: 7,919 is prime to 10⁶) with a suggested class other than its given one and a label
/// quality in 0…0.2, the others' spread over 0.1…1; an example in 97 is an outlier. The hashes are multiplicative, so
/// neither quality nor score follows the row order.
/// </summary>
public sealed class StagedUploadSeed(string connectionString, int datasetId)
{
    public const int Classes = 100;
    private const int Streams = 2;

    private readonly UploadPartition _partition = new(datasetId, attempt: 1);

    public Task CreateAsync() => WithConnectionAsync(connection => _partition.CreateAsync(connection, CancellationToken.None));

    public Task LoadAsync(long rows) => Task.WhenAll(Enumerable.Range(0, Streams).Select(stream => Task.Run(() =>
        WithConnectionAsync(async connection =>
        {
            long from = rows * stream / Streams, to = rows * (stream + 1) / Streams;
            await using var insert = new NpgsqlCommand(RowsSql(from, to), connection) { CommandTimeout = 0 };
            await insert.ExecuteNonQueryAsync();
        }))));

    public async Task BuildIndexesAsync()
    {
        IReadOnlyList<string> statements = [];
        await WithConnectionAsync(async connection => statements = await _partition.IndexStatementsAsync(connection, CancellationToken.None));
        await Task.WhenAll(Enumerable.Range(0, Streams).Select(stream => Task.Run(() => WithConnectionAsync(async connection =>
        {
            await using (var memory = new NpgsqlCommand("SET maintenance_work_mem = '256MB'", connection))
                await memory.ExecuteNonQueryAsync();
            for (var i = stream; i < statements.Count; i += Streams)
            {
                await using var build = new NpgsqlCommand(statements[i], connection) { CommandTimeout = 0 };
                await build.ExecuteNonQueryAsync();
            }
        }))));
    }

    public Task AnalyzeAsync() => WithConnectionAsync(connection => _partition.AnalyzeAsync(connection, CancellationToken.None));

    public Task AttachAsync() => WithConnectionAsync(async connection =>
    {
        await using var transaction = await connection.BeginTransactionAsync();
        await StagedExampleRows.AttachAsync(_partition, connection, transaction, datasetId, CancellationToken.None);
        await transaction.CommitAsync();
    });

    /// <summary>All four steps: a small upload's partition, ready to read.</summary>
    public async Task StageAsync(long rows)
    {
        await CreateAsync();
        await LoadAsync(rows);
        await BuildIndexesAsync();
        await AnalyzeAsync();
        await AttachAsync();
    }

    /// <summary>A multi-class upload's dataset row (its owner key is <paramref name="ownerKey"/>), with its classes.</summary>
    public static Dataset NewUpload(string token, int examples, string ownerKey = "owner") => new()
    {
        Slug = ShareTokens.Slug(token),
        Name = $"Plan upload of {examples:N0}",
        Description = "",
        Modality = Modality.Image,
        TestSetSize = examples,
        ClassCount = Classes,
        Source = "Uploaded",
        SortOrder = int.MaxValue,
        IsUpload = true,
        Upload = new UploadInfo
        {
            ShareToken = token,
            OwnerKeyHash = ShareTokens.Hash(ownerKey),
            CreatedAt = DateTimeOffset.UtcNow,
            StoragePath = "plans-" + token,
            Task = UploadTask.MultiClass,
            Content = UploadContentKind.None,
        },
        Classes = Enumerable.Range(0, Classes).Select(c => new DatasetClass { Index = c, Name = $"class {c}" }).ToList(),
    };

    private async Task WithConnectionAsync(Func<NpgsqlConnection, Task> run)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await run(connection);
    }

    // The columns ResultWriter COPYs for a multi-class upload.
    private string RowsSql(long from, long to) => $"""
        INSERT INTO {_partition.StagingName} (dataset_id, study_index, given_label, guessed_label, predicted_label, label_quality, normalized_margin,
                              is_cl_flagged, is_mturk_checked, is_validated_error, issue_rank, outlier_score, is_outlier)
        SELECT {datasetId}, g, (g % {Classes})::int, CASE WHEN g % 10 = 0 THEN ((g + 3 + g / 10 % 7) % {Classes})::int END,
               CASE WHEN g % 10 = 0 THEN ((g + 3 + g / 10 % 7) % {Classes})::int ELSE (g % {Classes})::int END,
               CASE WHEN g % 10 = 0 THEN (g * 7919 % 1000003) / 5000015.0 ELSE 0.1 + 0.9 * (g * 7919 % 1000003) / 1000003.0 END,
               0, g % 10 = 0, false, false, CASE WHEN g % 10 = 0 THEN (g / 10 * 7919 % 1000000)::int END,
               (g * 104729 % 1000003) / 1000003.0, g % 97 = 0
        FROM generate_series({from}::bigint, {to - 1}::bigint) g
        """;
}
