using LabelErrors.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace LabelErrors.Web.Tests.Failures;

/// <summary>
/// Each request is logged through the app's configured logger: its sinks get the line, and its minimum level applies
/// (the bootstrap logger used to write every request, whatever the configuration said).
/// </summary>
public sealed class RequestLoggingTests
{
    [Fact]
    public async Task A_request_is_logged_through_the_configured_logger_and_its_level()
    {
        await using var database = await TestDatabase.CreateAsync();
        var logged = new LogEventCollector();
        await using (var app = new LabelErrorsAppFactory(database.ConnectionString,
                         configureServices: services => services.AddSingleton<ILogEventSink>(logged)))
        {
            var response = await app.CreateClient().GetAsync("/healthz");
            response.EnsureSuccessStatusCode();
        }
        Assert.Contains(logged.Events, e => IsRequestLine(e) && e.Properties["RequestPath"] is ScalarValue { Value: "/healthz" });

        var quiet = new LogEventCollector();
        await using (var app = new LabelErrorsAppFactory(database.ConnectionString,
                         settings: new Dictionary<string, string?> { ["Serilog:MinimumLevel:Default"] = "Warning" },
                         configureServices: services => services.AddSingleton<ILogEventSink>(quiet)))
        {
            var response = await app.CreateClient().GetAsync("/healthz");
            response.EnsureSuccessStatusCode();
        }
        Assert.DoesNotContain(quiet.Events, IsRequestLine);
    }

    private static bool IsRequestLine(LogEvent e) =>
        e.MessageTemplate.Text.StartsWith("HTTP {RequestMethod} {RequestPath} responded", StringComparison.Ordinal);
}
