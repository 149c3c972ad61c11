using System.Collections.Concurrent;
using LabelErrors.Data;
using LabelErrors.Data.Failures;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LabelErrors.Web.Browse.Caching;

/// <summary>
/// Applies the evictions other web nodes announce (<see cref="BrowseCacheBroadcast"/>): a vote taken by one node
/// refreshes the dataset's cached pages on all of them. Holds one dedicated connection that LISTENs; when it drops, the
/// listener reconnects with backoff and evicts everything once, since messages sent meanwhile are lost.
/// </summary>
internal sealed class BrowseCacheListener(
    IDbContextFactory<LabelErrorsDbContext> contexts,
    BrowseCacheBroadcast broadcast,
    BrowsePageCache pages,
    ILogger<BrowseCacheListener> logger) : BackgroundService
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(30);

    /// <summary>Set once the first LISTEN is in place (tests wait for it).</summary>
    public TaskCompletionSource Listening { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var connectionString = await ConnectionStringAsync(stoppingToken);
        var retry = FirstRetry;
        var missedSome = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(connectionString, missedSome, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (DatabaseFailures.IsTransient(ex))
            {
                logger.LogWarning("Browse cache: listening for other nodes' evictions failed ({Reason}); retrying in {Delay}", ex.Message, retry);
                missedSome = true;
                await Task.Delay(retry, stoppingToken);
                retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LongestRetry.Ticks));
                continue;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Browse cache: listening for other nodes' evictions stopped: {Reason}", ex.Message);
                return;
            }
        }
    }

    private async Task ListenAsync(string connectionString, bool missedSome, CancellationToken stoppingToken)
    {
        var received = new ConcurrentQueue<string>();
        await using var connection = new NpgsqlConnection(connectionString);
        connection.Notification += (_, e) => received.Enqueue(e.Payload);
        await connection.OpenAsync(stoppingToken);
        await using (var listen = new NpgsqlCommand($"LISTEN {BrowseCacheBroadcast.Channel}", connection))
            await listen.ExecuteNonQueryAsync(stoppingToken);
        if (missedSome)
            await pages.EvictLocalAsync(BrowseCacheChange.All, stoppingToken);
        Listening.TrySetResult();
        while (true)
        {
            await connection.WaitAsync(stoppingToken);
            while (received.TryDequeue(out var payload))
                await ApplyAsync(payload, stoppingToken);
        }
    }

    private async Task ApplyAsync(string payload, CancellationToken cancellationToken)
    {
        if (BrowseCacheChange.Parse(payload) is not var (node, change))
        {
            logger.LogWarning("Browse cache: ignoring an eviction message this version does not know: {Payload}", payload);
            return;
        }
        if (node != broadcast.NodeId)
            await pages.EvictLocalAsync(change, cancellationToken);
    }

    private async Task<string> ConnectionStringAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Its own connection, outside the pool (a LISTEN must not be handed to another caller), with keepalives so a
        // dead server is noticed while waiting.
        return new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false, KeepAlive = 30 }.ConnectionString;
    }
}
