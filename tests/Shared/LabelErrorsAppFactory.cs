using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LabelErrors.Tests.Shared;

/// <summary>The real app (real PostgreSQL, nothing mocked) configured for one test database.</summary>
public sealed class LabelErrorsAppFactory(string connectionString, bool migrateOnStart = true) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:LabelErrors", connectionString);
        builder.UseSetting("Database:MigrateOnStart", migrateOnStart ? "true" : "false");
    }
}
