using System.Data.Common;
using System.Net.Sockets;
using LabelErrors.Data.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace LabelErrors.Data.Tests.Import;

/// <summary>
/// A dataset's import meets a database that drops away (retried, and if it stays away the dataset is left missing for
/// the next start, not marked as broken) or a bug (not retried; recorded against the dataset with its message).
/// </summary>
public sealed class ImportTransientFailureTests
{
    private static readonly string[] Mnist = ["mnist"];

    [Fact]
    public async Task A_connection_lost_mid_import_is_retried_and_the_dataset_lands_once()
    {
        await using var harness = await ImportHarness.CreateAsync();
        var failures = new FailingImportLock(times: 2, () => new NpgsqlException("connection reset (test)", new SocketException((int)SocketError.ConnectionReset)));

        var outcome = Assert.Single(await Importer(harness, failures).ImportAsync(ImportHarness.RepositoryAssets, Mnist, CancellationToken.None));

        Assert.Equal(DatasetImportStatus.Imported, outcome.Status);
        Assert.Equal(2, failures.Thrown);
        await using var db = await harness.ContextAsync();
        var mnist = await db.Datasets.SingleAsync();
        Assert.Null(mnist.ImportProblem);
        Assert.Equal(10_000, await db.Examples.CountAsync(e => e.DatasetId == mnist.Id));
    }

    [Fact]
    public async Task A_database_that_stays_away_leaves_the_dataset_missing_not_failed()
    {
        await using var harness = await ImportHarness.CreateAsync();
        var failures = new FailingImportLock(times: int.MaxValue, () => new NpgsqlException("connection refused (test)", new SocketException((int)SocketError.ConnectionRefused)));

        var outcome = Assert.Single(await Importer(harness, failures).ImportAsync(ImportHarness.RepositoryAssets, Mnist, CancellationToken.None));

        Assert.Equal(DatasetImportStatus.Failed, outcome.Status);
        Assert.Contains("database is unavailable", outcome.Problem);
        Assert.Equal(5, failures.Thrown); // the first try and 4 retries
        var report = await harness.Status.ReadAsync(CancellationToken.None);
        Assert.Contains("mnist", report.Missing);
        Assert.Empty(report.Failed);
    }

    [Fact]
    public async Task An_sql_error_fails_at_once_and_is_recorded_against_the_dataset()
    {
        await using var harness = await ImportHarness.CreateAsync();
        var failures = new FailingImportLock(times: int.MaxValue, () => new PostgresException("relation \"nowhere\" does not exist", "ERROR", "ERROR", "42P01"));

        var outcome = Assert.Single(await Importer(harness, failures).ImportAsync(ImportHarness.RepositoryAssets, Mnist, CancellationToken.None));

        Assert.Equal(DatasetImportStatus.Failed, outcome.Status);
        Assert.Equal(1, failures.Thrown);
        var report = await harness.Status.ReadAsync(CancellationToken.None);
        Assert.Contains("nowhere", report.Failed["mnist"]);
    }

    private static StudyImporter Importer(ImportHarness harness, FailingImportLock failures) =>
        new(harness.ContextFactoryWith(failures), NullLogger<StudyImporter>.Instance) { RetryDelay = TimeSpan.FromMilliseconds(10) };

    /// <summary>Throws instead of running the import's lock statement, the given number of times.</summary>
    private sealed class FailingImportLock(int times, Func<Exception> failure) : DbCommandInterceptor
    {
        public int Thrown { get; private set; }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            // One dataset: its attempts run one after the other.
            if (command.CommandText.Contains("pg_advisory_xact_lock", StringComparison.Ordinal) && Thrown < times)
            {
                Thrown++;
                throw failure();
            }
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
