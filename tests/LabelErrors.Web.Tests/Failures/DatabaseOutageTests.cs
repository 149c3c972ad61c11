using System.Net;
using System.Text.Json;
using LabelErrors.Data;
using LabelErrors.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LabelErrors.Web.Tests.Failures;

/// <summary>
/// The database as the running app sees it: reached through a <see cref="TcpForwarder"/> that the test cuts (every
/// open connection dropped, new ones refused, as when PostgreSQL stops) and restores, and a role without privileges
/// (the server answers, but refuses). Nothing is mocked.
/// </summary>
public sealed class DatabaseOutageTests
{
    private const string Notice = "The database is not reachable right now";

    [Fact]
    public async Task Pages_show_the_outage_notice_while_the_database_is_down_and_recover_without_a_restart()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var seed = new LabelErrorsAppFactory(database.ConnectionString))
        {
            await seed.CreateClient().GetAsync("/healthz");
            await using var db = await seed.Services.GetRequiredService<IDbContextFactory<LabelErrorsDbContext>>().CreateDbContextAsync();
            await BrowseSeed.SeedAsync(db);
        }
        await using var forwarder = TcpForwarder.To(database.ConnectionString);
        // No page or lookup caching: every request below must reach the database.
        await using var app = new LabelErrorsAppFactory(forwarder.ConnectionString, migrateOnStart: false, new Dictionary<string, string?>
        {
            ["BrowseCache:PageSeconds"] = "0",
            ["BrowseCache:LookupSeconds"] = "0",
        });
        var client = app.CreateClient(new() { HandleCookies = false });
        var pages = new Dictionary<string, string>
        {
            ["/"] = "CIFAR-10",
            ["/d/cifar10"] = "airplane",
            ["/d/cifar10/10"] = "automobile",
            ["/charts/cifar10"] = "airplane",
        };

        foreach (var round in new[] { "before", "after" })
        {
            foreach (var (path, content) in pages)
            {
                var html = await client.GetStringAsync(path);
                Assert.True(!html.Contains(Notice) && html.Contains(content), $"{path} {round} the outage: {Excerpt(html)}");
            }
            if (round == "after")
                break;

            forwarder.Stop(); // PostgreSQL goes away: pooled connections die, new ones are refused
            foreach (var path in pages.Keys)
            {
                var response = await client.GetAsync(path);
                var html = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.OK && html.Contains(Notice), $"{path} during the outage: {(int)response.StatusCode} {Excerpt(html)}");
            }
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/readyz")).StatusCode);
            forwarder.Start(); // and comes back; the app is not restarted
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
    }

    [Fact]
    public async Task Readyz_reports_a_refusal_by_the_server_as_an_error_with_its_sql_state_not_as_an_outage()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var migrate = new LabelErrorsAppFactory(database.ConnectionString))
            await migrate.CreateClient().GetAsync("/healthz");
        var role = $"le_noaccess_{Guid.NewGuid():N}";
        await ExecuteAsync(database.ConnectionString, $"CREATE ROLE \"{role}\" LOGIN");
        try
        {
            var asRole = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Username = role }.ConnectionString;
            await using var app = new LabelErrorsAppFactory(asRole, migrateOnStart: false);

            var response = await app.CreateClient().GetAsync("/readyz");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("error", body.GetProperty("database").GetString());
            Assert.Equal("42501", body.GetProperty("sqlState").GetString()); // insufficient_privilege
            Assert.Contains("permission denied", body.GetProperty("error").GetString());
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(database.ConnectionString, $"DROP ROLE IF EXISTS \"{role}\"");
        }
    }

    private static string Excerpt(string html) => html.Length <= 400 ? html : html[..400];

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
