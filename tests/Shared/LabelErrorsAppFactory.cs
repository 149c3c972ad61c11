using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LabelErrors.Tests.Shared;

/// <summary>
/// The real app (real PostgreSQL, nothing mocked) configured for one test database. <paramref name="settings"/> adds or
/// overrides configuration (e.g. <c>Import:OnStart</c>); <paramref name="configureServices"/> lets a test observe the
/// app (e.g. add an EF Core interceptor), never replace its behaviour.
/// </summary>
public sealed class LabelErrorsAppFactory(
    string connectionString,
    bool migrateOnStart = true,
    IDictionary<string, string?>? settings = null,
    Action<IServiceCollection>? configureServices = null) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:LabelErrors", connectionString);
        builder.UseSetting("Database:MigrateOnStart", migrateOnStart ? "true" : "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            builder.UseSetting(key, value);
        if (configureServices is not null)
            builder.ConfigureServices(configureServices);
    }
}
