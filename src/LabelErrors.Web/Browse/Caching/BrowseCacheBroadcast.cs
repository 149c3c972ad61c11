using LabelErrors.Data;
using LabelErrors.Data.Failures;
using Microsoft.EntityFrameworkCore;

namespace LabelErrors.Web.Browse.Caching;

/// <summary>
/// Tells the other web nodes on the same database what this node evicted, through PostgreSQL's NOTIFY (the database
/// every node already shares: no message broker to run). <see cref="BrowseCacheListener"/> applies what others send.
/// A lost message only means a page lives until its <see cref="BrowseCacheOptions.PageSeconds"/> end, as before.
/// </summary>
public sealed class BrowseCacheBroadcast(IDbContextFactory<LabelErrorsDbContext> contexts, ILogger<BrowseCacheBroadcast> logger)
{
    public const string Channel = "labelerrors_browse_cache";

    /// <summary>Marks this node's own messages, which it has already applied.</summary>
    public string NodeId { get; } = Guid.NewGuid().ToString("N");

    public async ValueTask PublishAsync(BrowseCacheChange change, CancellationToken cancellationToken)
    {
        var payload = change.ToPayload(NodeId);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await db.Database.ExecuteSqlAsync($"SELECT pg_notify({Channel}, {payload})", cancellationToken);
        }
        catch (Exception ex) when (DatabaseFailures.IsTransient(ex))
        {
            // The change itself is stored; only the other nodes' copies stay until they expire.
            logger.LogWarning(ex, "Browse cache: could not tell the other nodes about {Change}", payload);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Never fails the vote or upload that caused it; a bug here is still reported as one.
            logger.LogError(ex, "Browse cache: telling the other nodes about {Change} failed: {Reason}", payload, ex.Message);
        }
    }
}
