using System.Diagnostics;
using Npgsql;

namespace LabelErrors.Tests.Shared;

/// <summary>
/// A fresh, empty PostgreSQL database on the project-local cluster, dropped when disposed. The cluster comes from
/// LABELERRORS_TEST_PG (set by ./test.sh); without it the test starts the cluster through scripts/pg-local.sh.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private static readonly Lazy<string> ServerConnectionString = new(ResolveServer);

    private TestDatabase(string name)
    {
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(ServerConnectionString.Value) { Database = name, Pooling = false }.ConnectionString;
    }

    public string Name { get; }
    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync()
    {
        var db = new TestDatabase($"le_test_{Guid.NewGuid():N}");
        await db.ExecuteOnServerAsync($"CREATE DATABASE \"{db.Name}\"");
        return db;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }

    private async Task ExecuteOnServerAsync(string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(ServerConnectionString.Value) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string ResolveServer()
    {
        if (Environment.GetEnvironmentVariable("LABELERRORS_TEST_PG") is { Length: > 0 } fromEnv)
            return fromEnv;
        var script = Path.Combine(RepositoryPaths.Root, "scripts", "pg-local.sh");
        using var process = Process.Start(new ProcessStartInfo(script, "start") { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException("could not start scripts/pg-local.sh");
        var output = process.StandardOutput.ReadToEnd().Trim();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"scripts/pg-local.sh failed: {error}");
        return output.Split('\n').Last();
    }
}
