using LabelErrors.Data;
using LabelErrors.Data.Failures;
using LabelErrors.Data.Import;
using LabelErrors.Web.Options;
using Microsoft.Extensions.Options;

namespace LabelErrors.Web.Endpoints;

public static class HealthEndpoints
{
    /// <summary>
    /// <c>/healthz</c>: the process answers. <c>/readyz</c>: the database is reachable and fully migrated and, when the app
    /// imports the study at start (<c>Import:OnStart</c>), all ten datasets are imported; 503 otherwise, with the reason
    /// (which datasets are missing or failed, and why), so a load balancer waits until the site has its data.
    /// </summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Ok(new { status = "alive" })).ExcludeFromDescription();
        app.MapGet("/readyz", ReadyAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ReadyAsync(
        DatabaseMigrator migrator, StudyImportStatus importStatus, IOptions<ImportOptions> importOptions, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            var pending = await migrator.PendingMigrationsAsync(timeout.Token);
            if (pending.Count > 0)
                return Results.Json(new { status = "not ready", database = "migrations pending", pending }, statusCode: StatusCodes.Status503ServiceUnavailable);

            // The study datasets: listed always; they decide readiness only when this instance imports them at start.
            var report = await importStatus.ReadAsync(timeout.Token);
            var datasets = new { imported = report.Imported, missing = report.Missing, failed = report.Failed };
            return report.IsComplete || !importOptions.Value.OnStart
                ? Results.Ok(new { status = "ready", database = "ok", datasets })
                : Results.Json(new { status = "not ready", database = "ok", datasets }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        catch (Exception ex) when (DatabaseFailures.IsTransient(ex) || ex is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // An outage, or no answer within our 5 s: not ready until the database is back.
            loggers.CreateLogger("Readiness").LogWarning("Readiness check failed: {Reason}", ex.Message);
            return Results.Json(new { status = "not ready", database = "unreachable", error = ex.Message }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        catch (Exception ex) when (DatabaseFailures.IsBug(ex))
        {
            // The database answered and refused (a missing privilege, a broken schema): not ready either, but this
            // is no outage, and waiting will not fix it; say what the server said.
            var server = DatabaseFailures.ServerError(ex);
            var error = server is null ? ex.Message : DatabaseFailures.Describe(server);
            loggers.CreateLogger("Readiness").LogError(ex, "Readiness check failed with SQL state {SqlState}: {Reason}", server?.SqlState, error);
            return Results.Json(new { status = "not ready", database = "error", sqlState = server?.SqlState, error }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
