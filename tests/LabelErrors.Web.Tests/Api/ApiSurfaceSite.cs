using LabelErrors.Tests.Shared;

namespace LabelErrors.Web.Tests.Api;

/// <summary>
/// The app on a real Kestrel port (HEAD is answered by the server itself, so an in-memory server would hide its
/// behaviour) with the hand-made study seed and one finished upload.
/// </summary>
public sealed class ApiSurfaceSite : IAsyncLifetime
{
    private SyntheticUpload? _data;

    public TestSite Site { get; private set; } = null!;
    public HttpClient Client => Site.Client;
    public string Token { get; private set; } = "";
    public string OwnerKey { get; private set; } = "";
    public SyntheticUpload Data => _data!;

    public async Task InitializeAsync()
    {
        Site = await TestSite.StartOnKestrelAsync();
        await Site.SeedStudyAsync();
        _data = new SyntheticUpload(examples: 60, classes: 3);
        (Token, OwnerKey) = await Site.UploadAsync(_data);
    }

    public async Task DisposeAsync()
    {
        await Site.DisposeAsync();
        _data?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class ApiSurfaceCollection : ICollectionFixture<ApiSurfaceSite>
{
    public const string Name = "api surface";
}
