using LabelErrors.Data;
using LabelErrors.Data.Import;
using LabelErrors.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LabelErrors.E2E;

/// <summary>The site with data to browse: the hand-made <see cref="BrowseSeed"/> study (exact, known counts).</summary>
public class StudySiteFixture : SiteFixture
{
    protected override Task PrepareDataAsync(IServiceProvider services) => Site.SeedStudyAsync();

    /// <summary>The dataset slugs in the database, in home-page order.</summary>
    public async Task<IReadOnlyList<string>> DatasetSlugsAsync()
    {
        var factory = Services.GetRequiredService<IDbContextFactory<LabelErrorsDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return await db.Datasets.OrderBy(d => d.SortOrder).Select(d => d.Slug).ToListAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class StudySiteCollection : ICollectionFixture<StudySiteFixture>
{
    public const string Name = "study site";
}

/// <summary>
/// The site on the real study: the app imports the ten test sets at start (<c>Import:OnStart</c>), and the tests
/// begin once every dataset is imported.
/// </summary>
public sealed class ImportedStudyFixture : SiteFixture
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Import:OnStart"] = "true" };

    protected override async Task PrepareDataAsync(IServiceProvider services)
    {
        var status = services.GetRequiredService<StudyImportStatus>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(6));
        while (true)
        {
            var report = await status.ReadAsync(timeout.Token);
            if (report.IsComplete)
                return;
            if (report.Missing.Count == 0)
                throw new InvalidOperationException("study import failed: " + string.Join("; ", report.Failed.Select(f => $"{f.Key}: {f.Value}")));
            await Task.Delay(TimeSpan.FromSeconds(2), timeout.Token);
        }
    }

    /// <summary>The study index of the first validated label error (lowest label quality first, as the gallery shows them).</summary>
    public async Task<long> FirstValidatedErrorAsync(string slug)
    {
        var factory = Services.GetRequiredService<IDbContextFactory<LabelErrorsDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return await db.Examples.Where(e => e.IsValidatedError && db.Datasets.Any(d => d.Id == e.DatasetId && d.Slug == slug))
            .OrderBy(e => e.LabelQuality ?? double.MaxValue).ThenBy(e => e.StudyIndex).Select(e => e.StudyIndex).FirstAsync();
    }

    public async Task<IReadOnlyList<string>> DatasetSlugsAsync()
    {
        var factory = Services.GetRequiredService<IDbContextFactory<LabelErrorsDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return await db.Datasets.OrderBy(d => d.SortOrder).Select(d => d.Slug).ToListAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ImportedStudyCollection : ICollectionFixture<ImportedStudyFixture>
{
    public const string Name = "imported study";
}
