using LabelErrors.Web;
using LabelErrors.Web.Api;
using LabelErrors.Web.Browse.Caching;
using LabelErrors.Web.Components;
using LabelErrors.Web.Endpoints;
using LabelErrors.Web.Hosting;
using LabelErrors.Web.Uploads;
using LabelErrors.Web.Images;
using Serilog;

Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateBootstrapLogger();

try
{
    var builder = WebApplication.CreateBuilder(args);
    var port = Environment.GetEnvironmentVariable("PORT");
    if (!string.IsNullOrWhiteSpace(port))
        builder.WebHost.UseUrls($"http://localhost:{port}");

    builder.Host.UseSerilog((context, services, logger) => logger.ConfigureLabelErrorsLogging(context, services), preserveStaticLogger: true);
    builder.Services.AddLabelErrorsWeb(builder.Configuration);

    var app = builder.Build();
    await app.MigrateIfConfiguredAsync();

    if (!app.Environment.IsDevelopment())
        app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseSerilogRequestLogging(options =>
    {
        options.GetLevel = RequestLogLevels.For;
        // The app's configured logger (its levels, format and sinks). Left unset, the middleware writes every request
        // through the static bootstrap logger (kept by preserveStaticLogger): as text, whatever the configured level,
        // under that logger's lock (issue #17: a lock and a console line per uncached page).
        options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
    });
    app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
    app.UseApiProblemDetails();
    app.UseMiddleware<HeadAsGetMiddleware>();
    app.UseRouting(); // after HEAD became GET, so that HEAD finds the GET endpoints
    app.UseRateLimiter();
    app.UseAntiforgery();
    app.UseEnhancedNavigationHeaderCase();
    app.UseOutputCache();

    app.MapStaticAssets();
    app.MapHealthEndpoints();
    app.MapThemeStylesheet();
    app.MapUploadSlugRedirects();
    app.MapLabelErrorsApi();
    app.MapImageEndpoints();
    app.MapRazorComponents<App>().AddInteractiveServerRenderMode().CacheOutput(BrowsePageCachePolicy.Name);

    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "LabelErrors failed to start: {Reason}", ex.Message);
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}

public partial class Program;
