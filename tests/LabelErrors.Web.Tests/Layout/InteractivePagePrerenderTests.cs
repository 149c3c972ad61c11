using LabelErrors.Data;
using LabelErrors.Data.Entities;
using LabelErrors.Tests.Shared;
using LabelErrors.Web.Tests.Failures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace LabelErrors.Web.Tests.Layout;

/// <summary>
/// An interactive page's prerender has MudBlazor's providers: the home page's Table 1 (a MudTable, whose sort select
/// on small screens is a popover) used to log "Missing &lt;MudPopoverProvider /&gt;" as an error on every request, the
/// layout rendering the providers only once the circuit was up. Static pages (the permalink) still render none.
/// </summary>
public sealed class InteractivePagePrerenderTests
{
    [Fact]
    public async Task The_home_page_prerenders_with_the_providers_and_logs_no_error()
    {
        await using var database = await TestDatabase.CreateAsync();
        var logged = new LogEventCollector();
        await using var app = new LabelErrorsAppFactory(database.ConnectionString,
            configureServices: services => services.AddSingleton<ILogEventSink>(logged));
        var client = app.CreateClient();
        await client.GetAsync("/healthz"); // starts the host, which applies the migrations
        await Cifar10Row.AddAsync(app);

        var html = await client.GetStringAsync("/");

        Assert.Contains("id=\"table1\"", html);
        var errors = logged.Events.Where(e => e.Level >= LogEventLevel.Error).Select(e => e.RenderMessage()).ToList();
        Assert.True(errors.Count == 0, "errors logged: " + string.Join(" | ", errors));
        Assert.Contains("mud-popover-provider", html);
    }
}
