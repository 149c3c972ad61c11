using System.Net;
using LabelErrors.Data;
using LabelErrors.Data.Entities;
using LabelErrors.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LabelErrors.Web.Tests;

public sealed class HealthAndHomeTests
{
    [Fact]
    public async Task Healthz_readyz_and_home_answer_200_on_a_migrated_database()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var app = new LabelErrorsAppFactory(database.ConnectionString);
        var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        var ready = await client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("\"ready\"", await ready.Content.ReadAsStringAsync());
        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("No datasets yet", await home.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Home_lists_the_datasets_in_the_database()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var app = new LabelErrorsAppFactory(database.ConnectionString);
        var client = app.CreateClient();
        await client.GetAsync("/healthz"); // starts the host, which applies the migrations

        await Cifar10Row.AddAsync(app);

        var html = await client.GetStringAsync("/");
        Assert.Contains("CIFAR-10", html);
        Assert.Contains("/d/cifar10", html);
        Assert.DoesNotContain("No datasets yet", html);
    }

    [Fact]
    public async Task Readyz_is_503_when_the_database_is_down_and_recovers_when_it_is_back()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var migrate = new LabelErrorsAppFactory(database.ConnectionString))
            await migrate.CreateClient().GetAsync("/healthz");

        // The app talks to the database through a forwarder we can switch off and on: a real outage, no mocks.
        await using var forwarder = TcpForwarder.To(database.ConnectionString);
        await using var app = new LabelErrorsAppFactory(forwarder.ConnectionString, migrateOnStart: false);
        var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);

        forwarder.Stop();
        var down = await client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Contains("unreachable", await down.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("The database is not reachable right now", await home.Content.ReadAsStringAsync());

        forwarder.Start();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
    }

    [Fact]
    public async Task Readyz_is_503_while_migrations_are_pending()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var app = new LabelErrorsAppFactory(database.ConnectionString, migrateOnStart: false);

        var response = await app.CreateClient().GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("migrations pending", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_address_gets_a_404_page_with_a_way_back()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var app = new LabelErrorsAppFactory(database.ConnectionString);

        var response = await app.CreateClient().GetAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Back to the datasets", await response.Content.ReadAsStringAsync());
    }
}
