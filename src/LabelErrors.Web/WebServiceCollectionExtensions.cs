using LabelErrors.Data;
using LabelErrors.Web.Api;
using LabelErrors.Web.Browse.Caching;
using LabelErrors.Web.Hosting;
using LabelErrors.Web.Images;
using LabelErrors.Web.Options;
using LabelErrors.Web.Review;
using LabelErrors.Web.Uploads;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace LabelErrors.Web;

public static class WebServiceCollectionExtensions
{
    public static IServiceCollection AddLabelErrorsWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>()
            .Bind(configuration.GetSection(DatabaseOptions.Section))
            .Configure(o => o.ConnectionString = configuration.GetConnectionString("LabelErrors") ?? "")
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddLabelErrorsData(sp => sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString);
        // One key ring for every web node of a deployment (antiforgery tokens, protected component state), kept in
        // PostgreSQL rather than in each node's home directory (docs/scale-out.md).
        services.AddDataProtection().SetApplicationName("LabelErrors").PersistKeysToDbContext<LabelErrorsDbContext>();

        services.AddOptions<ImportOptions>()
            .Bind(configuration.GetSection(ImportOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ImportOptions>, ImportOptionsValidator>();
        services.AddHostedService<StudyImportService>();

        services.AddLabelErrorsImages(configuration);

        // A permalink hands its prerendered example (a 20news message can be tens of KB) to the circuit at start;
        // SignalR's default 32 KB limit would refuse the connection.
        services.AddRazorComponents().AddInteractiveServerComponents()
            .AddHubOptions(hub => hub.MaximumReceiveMessageSize = 512 * 1024);
        services.AddLabelErrorsBrowseCaching(configuration);
        services.AddMudServices();
        services.AddSingleton<Components.Layout.ThemeStylesheet>();
        services.AddLabelErrorsUploads(configuration);
        services.AddLabelErrorsReview(configuration);
        services.AddSingleton<Browse.DatasetLookup>();
        services.AddSingleton<Browse.DatasetMenu>();
        services.AddSingleton<Browse.ExampleDetails>();
        // Use-case services of the pages and the API (a folder per feature; each takes a context per operation).
        services.AddSingleton<Browse.DatasetDirectory>();
        services.AddSingleton<Corrections.CorrectedExport>();
        services.AddSingleton<Browse.PermalinkView>();
        services.AddSingleton<Browse.GallerySearch>();
        services.AddSingleton<Uploads.UploadExampleView>();
        services.AddSingleton<Review.ReviewSessions>();
        services.AddLabelErrorsApi(configuration);
        return services;
    }
}
