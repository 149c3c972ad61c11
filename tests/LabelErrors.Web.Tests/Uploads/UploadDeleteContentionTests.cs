using System.Net;
using LabelErrors.Data;
using LabelErrors.Tests.Shared;
using LabelErrors.Web.Uploads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;

namespace LabelErrors.Web.Tests.Uploads;

/// <summary>
/// Deleting an upload DETACHes and drops its partition, which needs an ACCESS EXCLUSIVE lock on <c>examples</c>. While
/// a long transaction reads the upload, the delete tries again and again, each try waiting at most 200 ms, so other
/// pages read <c>examples</c> between the tries instead of queueing behind it; it succeeds once the reader ends, and
/// answers 409 "Upload in use" (not an outage: nothing is wrong with the database) when the reader outlasts every try.
/// </summary>
public sealed class UploadDeleteContentionTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string OwnerKey = "owner";
    private const int Rows = 2_000;

    private TestDatabase _database = null!;
    private LabelErrorsAppFactory _app = null!;
    private HttpClient _client = null!;
    private readonly string _token = ShareTokens.NewShareToken();
    private int _datasetId;
    private int _otherId;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _app = new LabelErrorsAppFactory(_database.ConnectionString, settings: new Dictionary<string, string?> { ["Jobs:WorkerCount"] = "0" });
        _client = _app.CreateClient();
        await _client.GetAsync("/healthz");
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<LabelErrorsDbContext>>().CreateDbContextAsync();
        var upload = StagedUploadSeed.NewUpload(_token, Rows, OwnerKey);
        var other = StagedUploadSeed.NewUpload(ShareTokens.NewShareToken(), Rows);
        db.Datasets.AddRange(upload, other);
        await db.SaveChangesAsync();
        (_datasetId, _otherId) = (upload.Id, other.Id);
        await new StagedUploadSeed(_database.ConnectionString, _datasetId).StageAsync(Rows);
        await new StagedUploadSeed(_database.ConnectionString, _otherId).StageAsync(Rows);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_delete_retries_while_a_reader_holds_the_upload_and_succeeds_once_it_ends()
    {
        await using var reader = await ReadInOpenTransactionAsync();
        var delete = _client.SendAsync(DeleteRequest());

        // The delete is retrying: its backend is seen waiting for the lock and, between two tries, pausing.
        var seen = await WatchDeleteAsync(until: waits => waits.Contains("Lock") && waits.Contains("PgSleep"));
        output.WriteLine($"the delete's backend waited on: {string.Join(", ", seen)}");
        // Between the tries another dataset's page still reads examples (behind an unbounded DETACH it would queue
        // until the reader ends: its lock_timeout is ten times a try).
        for (var i = 0; i < 3; i++)
            Assert.Equal(Rows, await CountOtherUploadAsync(lockTimeout: "2s"));
        Assert.False(delete.IsCompleted, "the delete finished while the reader still held the upload");

        await reader.CommitAsync();
        var response = await delete;
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.False(await PartitionExistsAsync(), "the upload's partition is still there");
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/v1/uploads/{_token}")).StatusCode);
    }

    [Fact]
    public async Task A_delete_outlasted_by_a_reader_fails_as_a_conflict_and_deletes_nothing()
    {
        await using (var reader = await ReadInOpenTransactionAsync())
        {
            var response = await _client.SendAsync(DeleteRequest());
            var body = await response.Content.ReadAsStringAsync();
            output.WriteLine($"{(int)response.StatusCode} {response.Content.Headers.ContentType}: {body}");
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("Upload in use", body, StringComparison.Ordinal);
            // Nothing deleted, and the reader's transaction was never disturbed.
            Assert.True(await PartitionExistsAsync());
            Assert.Equal(Rows, await CountAsync(reader.Connection, _datasetId, reader.Transaction));
        }

        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync($"/api/v1/uploads/{_token}")).StatusCode);
        var again = await _client.SendAsync(DeleteRequest());
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        Assert.False(await PartitionExistsAsync());
    }

    private HttpRequestMessage DeleteRequest()
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/uploads/{_token}");
        request.Headers.Add(UploadEndpoints.OwnerKeyHeader, OwnerKey);
        return request;
    }

    /// <summary>A transaction that has read the upload's rows and stays open: it holds ACCESS SHARE on its partition and on examples.</summary>
    private async Task<OpenRead> ReadInOpenTransactionAsync()
    {
        var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        Assert.Equal(Rows, await CountAsync(connection, _datasetId, transaction));
        return new OpenRead(connection, transaction);
    }

    private sealed class OpenRead(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
    {
        public NpgsqlConnection Connection => connection;
        public NpgsqlTransaction Transaction => transaction;

        public Task CommitAsync() => transaction.CommitAsync();

        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }

    /// <summary>
    /// Polls pg_stat_activity for the backend running the dataset's DELETE and collects the wait event types and
    /// events it is seen in, until <paramref name="until"/> holds (or two minutes pass: the test then fails).
    /// </summary>
    private async Task<HashSet<string>> WatchDeleteAsync(Func<HashSet<string>, bool> until)
    {
        var seen = new HashSet<string>();
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!until(seen))
        {
            Assert.True(DateTime.UtcNow < deadline, $"the delete was not seen retrying; seen: {string.Join(", ", seen)}");
            await using var command = new NpgsqlCommand("""
                SELECT wait_event_type, wait_event FROM pg_stat_activity
                WHERE datname = current_database() AND pid <> pg_backend_pid() AND query ILIKE 'DELETE FROM datasets%'
                """, connection);
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    if (!reader.IsDBNull(0)) seen.Add(reader.GetString(0));
                    if (!reader.IsDBNull(1)) seen.Add(reader.GetString(1));
                }
            }
            await Task.Delay(20);
        }
        return seen;
    }

    private async Task<long> CountOtherUploadAsync(string lockTimeout)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using (var set = new NpgsqlCommand($"SET lock_timeout = '{lockTimeout}'", connection))
            await set.ExecuteNonQueryAsync();
        return await CountAsync(connection, _otherId, transaction: null);
    }

    private static async Task<long> CountAsync(NpgsqlConnection connection, int datasetId, NpgsqlTransaction? transaction)
    {
        await using var command = new NpgsqlCommand("SELECT count(*) FROM examples WHERE dataset_id = @dataset", connection, transaction);
        command.Parameters.AddWithValue("dataset", datasetId);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<bool> PartitionExistsAsync()
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT to_regclass('examples_{_datasetId}') IS NOT NULL", connection);
        return (bool)(await command.ExecuteScalarAsync())!;
    }
}
