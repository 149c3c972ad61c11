using LabelErrors.Data;
using LabelErrors.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LabelErrors.Web.Tests;

/// <summary>The app on a fresh database seeded with <see cref="BrowseSeed"/>, shared by the browse HTTP tests of a class.</summary>
public sealed class BrowseSite : IAsyncLifetime
{
    private TestDatabase? _database;

    public LabelErrorsAppFactory App { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        App = new LabelErrorsAppFactory(_database.ConnectionString);
        Client = App.CreateClient(new() { AllowAutoRedirect = false });
        await Client.GetAsync("/healthz"); // starts the host, which applies the migrations
        var factory = App.Services.GetRequiredService<IDbContextFactory<LabelErrorsDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        await BrowseSeed.SeedAsync(db);
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        if (_database is not null)
            await _database.DisposeAsync();
    }
}
