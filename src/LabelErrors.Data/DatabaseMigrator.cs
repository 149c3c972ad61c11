using Microsoft.EntityFrameworkCore;

namespace LabelErrors.Data;

/// <summary>Applies pending EF Core migrations and reports whether the database is reachable and up to date.</summary>
public sealed class DatabaseMigrator(IDbContextFactory<LabelErrorsDbContext> contextFactory)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
    }

    /// <summary>The migrations the code knows but the database has not applied; throws when the database is unreachable.</summary>
    public async Task<IReadOnlyList<string>> PendingMigrationsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return [.. await db.Database.GetPendingMigrationsAsync(cancellationToken)];
    }
}
