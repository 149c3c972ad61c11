using LabelErrors.Data.Failures;
using LabelErrors.Web.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace LabelErrors.Web.Tests.Failures;

/// <summary>
/// The jobs' retry pipeline as registered by the app (<see cref="JobRetryPipeline"/>), on its own: its options are
/// validated, it retries transient failures only, and a step that fails for good is named in the job's error.
/// </summary>
public sealed class JobRetryPipelineTests
{
    [Theory]
    [InlineData("MaxRetries", "101", "MaxRetries")]
    [InlineData("MaxRetries", "-1", "MaxRetries")]
    [InlineData("BaseDelay", "00:00:00", "BaseDelay")]
    [InlineData("BaseDelay", "00:00:30", "must not exceed MaxDelay")] // above the default MaxDelay of 10 s
    [InlineData("MaxDelay", "02:00:00", "MaxDelay")]
    public void A_bad_retry_setting_is_refused_with_its_name(string key, string value, string expected)
    {
        using var services = Build(new() { [$"Jobs:Retry:{key}"] = value });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<JobRetryOptions>>().Value);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public async Task A_transient_failure_is_retried_max_retries_times_then_reported_as_an_outage_of_the_step()
    {
        using var services = Build(new() { ["Jobs:Retry:MaxRetries"] = "4" });
        var attempts = 0;

        var error = await Assert.ThrowsAsync<JobStepFailedException>(() => Steps(services).RunAsync<int>("saving the results", _ =>
        {
            attempts++;
            throw new NpgsqlException("Exception while reading from stream", new IOException("Connection reset by peer"));
        }, CancellationToken.None));

        Assert.Equal(5, attempts);
        Assert.Equal(DatabaseFailure.Transient, error.Failure);
        Assert.StartsWith("the database was unreachable while saving the results (Exception while reading from stream)", error.JobError);
    }

    [Fact]
    public async Task A_transient_failure_that_clears_lets_the_step_succeed()
    {
        using var services = Build(new() { ["Jobs:Retry:MaxRetries"] = "4" });
        var attempts = 0;

        var result = await Steps(services).RunAsync("claiming a job", _ => ++attempts < 3
            ? throw new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01")
            : Task.FromResult(42), CancellationToken.None);

        Assert.Equal(42, result);
        Assert.Equal(3, attempts);
    }

    [Fact]
    public async Task A_bug_is_not_retried_and_its_error_names_the_step_and_what_the_server_refused()
    {
        using var services = Build(new() { ["Jobs:Retry:MaxRetries"] = "4" });
        var attempts = 0;

        var error = await Assert.ThrowsAsync<JobStepFailedException>(() => Steps(services).RunAsync<int>("saving the results", _ =>
        {
            attempts++;
            throw new PostgresException("duplicate key value violates unique constraint \"ix_examples_dataset_id_study_index\"", "ERROR", "ERROR", "23505",
                tableName: "examples", constraintName: "ix_examples_dataset_id_study_index");
        }, CancellationToken.None));

        Assert.Equal(1, attempts);
        Assert.Equal(DatabaseFailure.Bug, error.Failure);
        Assert.Equal("23505", error.ServerError?.SqlState);
        Assert.Equal("saving the results failed: PostgreSQL 23505 (integrity constraint violation) on constraint \"ix_examples_dataset_id_study_index\" "
                     + "of table \"examples\": duplicate key value violates unique constraint \"ix_examples_dataset_id_study_index\"", error.JobError);
    }

    [Fact]
    public async Task Other_exceptions_and_cancellation_pass_through_untouched_and_unretried()
    {
        using var services = Build(new() { ["Jobs:Retry:MaxRetries"] = "4" });
        var attempts = 0;

        await Assert.ThrowsAsync<InvalidOperationException>(() => Steps(services).RunAsync<int>("reading the upload's record", _ =>
        {
            attempts++;
            throw new InvalidOperationException("dataset 3 is not an upload");
        }, CancellationToken.None));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Steps(services).RunAsync("claiming a job", Task.FromCanceled<int>, cancelled.Token));

        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task No_retries_configured_fails_a_transient_step_at_once()
    {
        using var services = Build(new() { ["Jobs:Retry:MaxRetries"] = "0" });
        var attempts = 0;

        var error = await Assert.ThrowsAsync<JobStepFailedException>(() => Steps(services).RunAsync<int>("claiming a job", _ =>
        {
            attempts++;
            throw new NpgsqlException("Failed to connect", new System.Net.Sockets.SocketException(111));
        }, CancellationToken.None));

        Assert.Equal(1, attempts);
        Assert.Equal(DatabaseFailure.Transient, error.Failure);
    }

    private static JobDatabaseSteps Steps(IServiceProvider services) => services.GetRequiredService<JobDatabaseSteps>();

    /// <summary>The pipeline as the app registers it; delays of a millisecond or two unless the test sets a delay.</summary>
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var all = new Dictionary<string, string?>(settings);
        if (!settings.Keys.Any(k => k.EndsWith("Delay", StringComparison.Ordinal)))
        {
            all["Jobs:Retry:BaseDelay"] = "00:00:00.001";
            all["Jobs:Retry:MaxDelay"] = "00:00:00.002";
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(all).Build();
        var services = new ServiceCollection().AddLogging();
        JobRetryPipeline.Register(services, configuration);
        services.AddSingleton<JobDatabaseSteps>();
        return services.BuildServiceProvider();
    }
}
