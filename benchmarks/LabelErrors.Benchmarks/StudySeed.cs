using LabelErrors.Core.Content;
using LabelErrors.Data;
using LabelErrors.Data.Import;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LabelErrors.Benchmarks;

/// <summary>Migrates a database and imports study datasets with the real importer, so load tests run on real rows.</summary>
public static class StudySeed
{
    public static async Task<int> RunAsync(string connectionString, string[] slugs)
    {
        var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddLabelErrorsData(_ => connectionString)
            .BuildServiceProvider();
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        var assets = BundledAssets.FindFrom(AppContext.BaseDirectory) ?? throw new InvalidOperationException("wwwroot-assets not found");
        var outcomes = await services.GetRequiredService<StudyImporter>().ImportAsync(assets, slugs.Length == 0 ? null : slugs, CancellationToken.None);
        foreach (var outcome in outcomes)
            Console.WriteLine(outcome);
        return 0;
    }
}
