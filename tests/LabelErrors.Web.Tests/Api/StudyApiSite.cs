using LabelErrors.Core.Content;
using LabelErrors.Data;
using LabelErrors.Data.Import;
using LabelErrors.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LabelErrors.Web.Tests.Api;

/// <summary>
/// The app on a fresh database into which the real importer loaded MNIST (complete test set, 10,000 examples) and
/// Amazon (only the checked examples), from the repository's bundled assets.
/// </summary>
public sealed class StudyApiSite : IAsyncLifetime
{
    public static readonly string[] Slugs = ["mnist", "amazon"];

    private TestDatabase? _database;

    public LabelErrorsAppFactory App { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;
    public static BundledAssets Assets { get; } = new(Path.Combine(RepositoryPaths.Root, BundledAssets.FolderName));

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        App = new LabelErrorsAppFactory(_database.ConnectionString);
        Client = App.CreateClient(new() { AllowAutoRedirect = false });
        await Client.GetAsync("/healthz"); // starts the host, which applies the migrations
        var outcomes = await App.Services.GetRequiredService<StudyImporter>().ImportAsync(Assets, Slugs, CancellationToken.None);
        if (outcomes.Count != Slugs.Length)
            throw new InvalidOperationException($"import gave {outcomes.Count} outcomes for {Slugs.Length} datasets");
    }

    public async Task<LabelErrorsDbContext> DbAsync() =>
        await App.Services.GetRequiredService<IDbContextFactory<LabelErrorsDbContext>>().CreateDbContextAsync();

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        if (_database is not null)
            await _database.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class StudyApiCollection : ICollectionFixture<StudyApiSite>
{
    public const string Name = "study api";
}
