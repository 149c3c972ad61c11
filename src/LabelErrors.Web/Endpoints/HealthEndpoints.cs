using LabelErrors.Data;

namespace LabelErrors.Web.Endpoints;

public static class HealthEndpoints
{
    /// <summary>
    /// <c>/healthz</c>: the process answers. <c>/readyz</c>: the database is reachable and fully migrated; 503 otherwise,
    /// with the reason, so a load balancer stops sending traffic until the database is back.
    /// </summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Ok(new { status = "alive" })).ExcludeFromDescription();
        app.MapGet("/readyz", ReadyAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ReadyAsync(DatabaseMigrator migrator, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            var pending = await migrator.PendingMigrationsAsync(timeout.Token);
            return pending.Count == 0
                ? Results.Ok(new { status = "ready", database = "ok" })
                : Results.Json(new { status = "not ready", database = "migrations pending", pending }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            loggers.CreateLogger("Readiness").LogWarning("Readiness check failed: {Reason}", ex.Message);
            return Results.Json(new { status = "not ready", database = "unreachable", error = ex.Message }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
