using LabelErrors.Core.Content;
using LabelErrors.Data.Import;
using LabelErrors.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LabelErrors.Data.Tests.Import;

/// <summary>A fresh, migrated database with the real importer wired as the app wires it.</summary>
internal sealed class ImportHarness : IAsyncDisposable
{
    private readonly TestDatabase _database;
    private readonly ServiceProvider _services;

    private ImportHarness(TestDatabase database)
    {
        _database = database;
        _services = new ServiceCollection()
            .AddLogging()
            .AddLabelErrorsData(_ => database.ConnectionString)
            .BuildServiceProvider();
    }

    public static BundledAssets RepositoryAssets { get; } =
        new(Path.Combine(RepositoryPaths.Root, BundledAssets.FolderName));

    public StudyImporter Importer => _services.GetRequiredService<StudyImporter>();
    public StudyImportStatus Status => _services.GetRequiredService<StudyImportStatus>();

    public static async Task<ImportHarness> CreateAsync()
    {
        var harness = new ImportHarness(await TestDatabase.CreateAsync());
        await harness._services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        return harness;
    }

    public IDbContextFactory<LabelErrorsDbContext> ContextFactory => _services.GetRequiredService<IDbContextFactory<LabelErrorsDbContext>>();

    public Task<LabelErrorsDbContext> ContextAsync() => ContextFactory.CreateDbContextAsync();

    /// <summary>Contexts on the same database whose commands pass through <paramref name="interceptor"/>.</summary>
    public IDbContextFactory<LabelErrorsDbContext> ContextFactoryWith(IInterceptor interceptor) =>
        new PooledDbContextFactory<LabelErrorsDbContext>(new DbContextOptionsBuilder<LabelErrorsDbContext>()
            .UseNpgsql(_database.ConnectionString)
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(interceptor)
            .Options);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }
}
