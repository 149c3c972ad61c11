using LabelErrors.Data;
using LabelErrors.Data.Entities;
using LabelErrors.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LabelErrors.Data.Tests;

/// <summary>
/// examples.dataset_id has no declared foreign key (its per-row check was a quarter of an upload's save); the triggers
/// of migration ExampleDatasetTriggers must give the same guarantees. Each test fails if a trigger is missing.
/// </summary>
public sealed class ExampleDatasetIntegrityTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private int _datasetId;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await using var db = Open();
        await db.Database.MigrateAsync();
        var dataset = new Dataset { Slug = "imdb", Name = "IMDB", Modality = Modality.Text };
        db.Datasets.Add(dataset);
        await db.SaveChangesAsync();
        _datasetId = dataset.Id;
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task An_example_of_a_missing_dataset_is_refused()
    {
        await using var connection = await ConnectAsync();

        var error = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(connection,
            $"INSERT INTO examples (dataset_id, study_index, given_label, is_cl_flagged, is_mturk_checked, is_validated_error) VALUES ({_datasetId}, 1, 0, false, false, false), ({_datasetId + 1}, 2, 0, false, false, false)"));

        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, error.SqlState);
        Assert.Equal(0L, await ScalarAsync(connection, "SELECT count(*) FROM examples"));
    }

    [Fact]
    public async Task A_binary_copy_into_a_missing_dataset_is_refused()
    {
        await using var connection = await ConnectAsync();

        var error = await Assert.ThrowsAsync<PostgresException>(async () =>
        {
            await using var importer = await connection.BeginBinaryImportAsync(
                "COPY examples (dataset_id, study_index, given_label, is_cl_flagged, is_mturk_checked, is_validated_error) FROM STDIN (FORMAT BINARY)");
            await importer.WriteRowAsync(default, _datasetId + 1, 0L, 0, false, false, false);
            await importer.CompleteAsync();
        });

        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, error.SqlState);
    }

    [Fact]
    public async Task Moving_an_example_to_a_missing_dataset_is_refused_and_to_an_existing_one_allowed()
    {
        await using var db = Open();
        var other = new Dataset { Slug = "mnist", Name = "MNIST", Modality = Modality.Image };
        db.Datasets.Add(other);
        db.Examples.Add(new Example { DatasetId = _datasetId, StudyIndex = 3 });
        await db.SaveChangesAsync();

        var error = await Assert.ThrowsAsync<PostgresException>(() =>
            db.Examples.ExecuteUpdateAsync(s => s.SetProperty(e => e.DatasetId, other.Id + 100)));
        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, error.SqlState);

        await db.Examples.ExecuteUpdateAsync(s => s.SetProperty(e => e.DatasetId, other.Id));
        Assert.Equal(other.Id, (await db.Examples.AsNoTracking().SingleAsync()).DatasetId);
    }

    [Fact]
    public async Task Deleting_a_dataset_deletes_its_examples_and_what_hangs_off_them()
    {
        await using (var db = Open())
        {
            var other = new Dataset { Slug = "mnist", Name = "MNIST", Modality = Modality.Image };
            db.Datasets.Add(other);
            await db.SaveChangesAsync();
            db.Examples.Add(new Example { DatasetId = _datasetId, StudyIndex = 1, Text = new ExampleText { Text = "a review" } });
            db.Examples.Add(new Example { DatasetId = _datasetId, StudyIndex = 2 });
            db.Examples.Add(new Example { DatasetId = other.Id, StudyIndex = 1 });
            await db.SaveChangesAsync();

            await db.Datasets.Where(d => d.Id == _datasetId).ExecuteDeleteAsync();
        }

        await using var check = Open();
        Assert.Equal(1, await check.Examples.CountAsync());
        Assert.Equal(0, await check.Set<ExampleText>().CountAsync());
    }

    [Fact]
    public async Task The_id_of_a_dataset_with_examples_cannot_change()
    {
        await using var connection = await ConnectAsync();
        await ExecuteAsync(connection,
            $"INSERT INTO examples (dataset_id, study_index, given_label, is_cl_flagged, is_mturk_checked, is_validated_error) VALUES ({_datasetId}, 1, 0, false, false, false)");

        var error = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(connection, $"UPDATE datasets SET id = id + 1000 WHERE id = {_datasetId}"));

        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, error.SqlState);
    }

    [Fact]
    public async Task A_dataset_being_written_to_cannot_be_deleted_until_the_writer_commits()
    {
        await using var writer = await ConnectAsync();
        await using var transaction = await writer.BeginTransactionAsync();
        await ExecuteAsync(writer,
            $"INSERT INTO examples (dataset_id, study_index, given_label, is_cl_flagged, is_mturk_checked, is_validated_error) VALUES ({_datasetId}, 1, 0, false, false, false)");

        await using var deleter = await ConnectAsync();
        await ExecuteAsync(deleter, "SET lock_timeout = '300ms'");
        var blocked = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(deleter, $"DELETE FROM datasets WHERE id = {_datasetId}"));
        Assert.Equal(PostgresErrorCodes.LockNotAvailable, blocked.SqlState);

        await transaction.CommitAsync();
        await ExecuteAsync(deleter, $"DELETE FROM datasets WHERE id = {_datasetId}");
        Assert.Equal(0L, await ScalarAsync(deleter, "SELECT count(*) FROM examples"));
    }

    private LabelErrorsDbContext Open() => new(
        new DbContextOptionsBuilder<LabelErrorsDbContext>().UseNpgsql(_database.ConnectionString).UseSnakeCaseNamingConvention().Options);

    private async Task<NpgsqlConnection> ConnectAsync()
    {
        var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
