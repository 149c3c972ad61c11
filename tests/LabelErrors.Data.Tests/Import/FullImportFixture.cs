using LabelErrors.Data.Import;

namespace LabelErrors.Data.Tests.Import;

/// <summary>One full import of the ten datasets from the repository's bundled assets, shared by the count tests.</summary>
public sealed class FullImportFixture : IAsyncLifetime
{
    private ImportHarness? _harness;

    internal ImportHarness Harness => _harness ?? throw new InvalidOperationException("not initialized");

    public IReadOnlyList<DatasetImportOutcome> Outcomes { get; private set; } = [];

    public async Task InitializeAsync()
    {
        _harness = await ImportHarness.CreateAsync();
        Outcomes = await _harness.Importer.ImportAsync(ImportHarness.RepositoryAssets, null, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_harness is not null)
            await _harness.DisposeAsync();
    }
}

/// <summary>The test classes that read the full import share one (it takes tens of seconds).</summary>
[CollectionDefinition(Name)]
public sealed class FullImportCollection : ICollectionFixture<FullImportFixture>
{
    public const string Name = "full study import";
}
