using LabelErrors.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LabelErrors.Data.Tests;

public sealed class ConnectionTuningTests
{
    [Fact]
    public void Sets_no_reset_auto_prepare_and_custom_plans_when_the_connection_string_does_not()
    {
        var tuned = new NpgsqlConnectionStringBuilder(ConnectionTuning.Apply("Host=db;Database=labelerrors;Username=app"));

        Assert.True(tuned.NoResetOnClose);
        Assert.Equal(ConnectionTuning.MaxAutoPrepare, tuned.MaxAutoPrepare);
        Assert.Equal("-c plan_cache_mode=force_custom_plan", tuned.Options);
        Assert.Equal("db", tuned.Host);
        Assert.Equal("labelerrors", tuned.Database);
    }

    [Fact]
    public void Keeps_what_the_connection_string_sets()
    {
        var tuned = new NpgsqlConnectionStringBuilder(ConnectionTuning.Apply(
            "Host=db;No Reset On Close=false;Max Auto Prepare=0;Options=-c plan_cache_mode=auto"));

        Assert.False(tuned.NoResetOnClose);
        Assert.Equal(0, tuned.MaxAutoPrepare);
        Assert.Equal("-c plan_cache_mode=auto", tuned.Options);

        var otherOptions = new NpgsqlConnectionStringBuilder(ConnectionTuning.Apply("Host=db;Options=-c statement_timeout=5000"));
        Assert.Equal("-c statement_timeout=5000 -c plan_cache_mode=force_custom_plan", otherOptions.Options);
    }

    [Fact]
    public void The_cached_plan_pool_is_the_same_connection_with_postgresqls_own_plan_choice()
    {
        var tuned = ConnectionTuning.Apply("Host=db;Database=labelerrors;Options=-c statement_timeout=5000");
        var cached = new NpgsqlConnectionStringBuilder(CachedPlans.ConnectionString(tuned));

        Assert.Equal("-c statement_timeout=5000 -c plan_cache_mode=auto", cached.Options);
        Assert.True(cached.NoResetOnClose);
        Assert.Equal(ConnectionTuning.MaxAutoPrepare, cached.MaxAutoPrepare);
        Assert.Equal("labelerrors", cached.Database);
        Assert.Equal("-c plan_cache_mode=auto", new NpgsqlConnectionStringBuilder(CachedPlans.ConnectionString("Host=db")).Options);
    }

    [Fact]
    public async Task The_app_s_contexts_run_with_custom_plans_on_prepared_statements()
    {
        await using var database = await TestDatabase.CreateAsync();
        var services = new ServiceCollection().AddLabelErrorsData(_ => database.ConnectionString).BuildServiceProvider();
        var factory = services.GetRequiredService<IDbContextFactory<LabelErrorsDbContext>>();
        await using var db = await factory.CreateDbContextAsync();

        var mode = await db.Database.SqlQueryRaw<string>("SELECT current_setting('plan_cache_mode') AS \"Value\"").SingleAsync();

        Assert.Equal("force_custom_plan", mode);
    }
}
