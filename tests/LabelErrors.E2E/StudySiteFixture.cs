using LabelErrors.Data;
using LabelErrors.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LabelErrors.E2E;

/// <summary>The site with data to browse: the hand-made <see cref="BrowseSeed"/> study.</summary>
public sealed class StudySiteFixture : SiteFixture
{
    protected override async Task PrepareDataAsync(IServiceProvider services)
    {
        var factory = services.GetRequiredService<IDbContextFactory<LabelErrorsDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        await BrowseSeed.SeedAsync(db);
    }

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
