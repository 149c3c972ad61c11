using LabelErrors.Data.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LabelErrors.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers a DbContext factory: Blazor components and background services create a short-lived context per
    /// operation instead of holding one per circuit.
    /// </summary>
    public static IServiceCollection AddLabelErrorsData(this IServiceCollection services, Func<IServiceProvider, string> connectionString)
    {
        services.AddDbContextFactory<LabelErrorsDbContext>((sp, options) => options
            .UseNpgsql(ConnectionTuning.Apply(connectionString(sp)))
            .UseSnakeCaseNamingConvention());
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<Queries.ExampleSearch>();
        services.AddSingleton<StudyImporter>();
        services.AddSingleton<StudyImportStatus>();
        services.AddSingleton<StudyCrossCheck>();
        return services;
    }
}
