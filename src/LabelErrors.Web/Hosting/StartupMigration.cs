using LabelErrors.Data;
using LabelErrors.Web.Options;
using Microsoft.Extensions.Options;

namespace LabelErrors.Web.Hosting;

internal static class StartupMigration
{
    /// <summary>Applies migrations before the app serves anything; a failure stops the start with the error.</summary>
    public static async Task MigrateIfConfiguredAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (!options.MigrateOnStart)
            return;
        app.Logger.LogInformation("Applying database migrations");
        await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(app.Lifetime.ApplicationStopping);
    }
}
