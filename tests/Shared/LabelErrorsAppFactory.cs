using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LabelErrors.Tests.Shared;

/// <summary>The real app (real PostgreSQL, nothing mocked) configured for one test database.</summary>
/// <param name="settings">Extra configuration, e.g. <c>["Import:OnStart"] = "true"</c>.</param>
public sealed class LabelErrorsAppFactory(string connectionString, bool migrateOnStart = true, IDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:LabelErrors", connectionString);
        builder.UseSetting("Database:MigrateOnStart", migrateOnStart ? "true" : "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            builder.UseSetting(key, value);
    }
}
