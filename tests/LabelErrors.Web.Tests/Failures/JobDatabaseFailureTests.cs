using LabelErrors.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Serilog.Core;
using Serilog.Events;

namespace LabelErrors.Web.Tests.Failures;

/// <summary>
/// Jobs on a real PostgreSQL that misbehaves on purpose: a constraint the results violate (a bug: the job fails on its
/// first try, saying what failed) and a connection terminated by the server mid-save (transient: retried, and the job
/// ends with the results of an undisturbed run). A save COPYs into its upload's own staging table (UploadPartition):
/// an event trigger counts the saves by the staging tables created, in a sequence (sequences ignore rollbacks) and,
/// for the second test, gives each staging table a trigger that holds the first COPY in <c>pg_sleep</c> so it can be killed.
/// </summary>
public sealed class JobDatabaseFailureTests : IAsyncLifetime
{
    private readonly LogEventCollector _log = new();
    private readonly SyntheticUpload _data = new(examples: 3000, classes: 4, seed: 11);
    private readonly string _root = Directory.CreateTempSubdirectory("le-jobfail-").FullName;
    private TestDatabase _database = null!;
    private LabelErrorsAppFactory _app = null!;
    private UploadApi _api = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _app = new LabelErrorsAppFactory(_database.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["Uploads:Root"] = _root,
            ["Jobs:PollInterval"] = "00:00:00.100",
            // Short delays: were a bug retried, the test would see ten saves within a second.
            ["Jobs:Retry:BaseDelay"] = "00:00:00.020",
            ["Jobs:Retry:MaxDelay"] = "00:00:00.200",
        }, configureServices: services => services.AddSingleton<ILogEventSink>(_log));
        _client = _app.CreateClient();
        _api = new UploadApi(_client);
        await _client.GetAsync("/healthz"); // migrates: the examples table exists from here on
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
        _data.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task A_constraint_violation_while_saving_fails_the_job_on_its_first_try_with_a_message_naming_it()
    {
        await ExecuteAsync("""
            ALTER TABLE examples ADD CONSTRAINT test_quality_must_be_negative CHECK (label_quality < 0);
            """ + CountSaves(""));

        var job = await _api.WaitAsync(await PostAsync());

        Assert.Equal("failed", job.GetProperty("state").GetString());
        Assert.Equal(1, job.GetProperty("attempts").GetInt32());
        Assert.Equal(1, await SavesAsync());
        var error = job.GetProperty("error").GetString()!;
        Assert.StartsWith("saving the results failed: PostgreSQL 23514 (integrity constraint violation)", error);
        Assert.Contains("\"test_quality_must_be_negative\"", error);
        Assert.Matches("table \"examples_[0-9]+_staging_[0-9]+\"", error);
        Assert.DoesNotContain("unreachable", error);
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM examples"));
        var logged = Assert.Single(_log.WithProperty("SqlState", "23514"), e => e.Level == LogEventLevel.Error && e.Exception is not null);
        Assert.Contains("saving the results", logged.RenderMessage());
        Assert.DoesNotContain(_log.Events, e => e.RenderMessage().Contains("Database unreachable while"));
    }

    [Fact]
    public async Task A_connection_terminated_mid_save_is_retried_and_the_job_ends_with_the_results_of_an_undisturbed_run()
    {
        await ExecuteAsync("""
            CREATE SEQUENCE test_copies;
            CREATE FUNCTION test_hold_first_copy() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF nextval('test_copies') = 1 THEN PERFORM pg_sleep(120); END IF;
              RETURN NULL;
            END $$;
            """ + CountSaves("EXECUTE format('CREATE TRIGGER test_hold_first_copy BEFORE INSERT ON %s FOR EACH STATEMENT EXECUTE FUNCTION test_hold_first_copy()', created.object_identity);"));

        var disturbedUrl = await PostAsync();
        var held = await WaitForHeldSaveAsync(TimeSpan.FromSeconds(60));
        Assert.True(await ScalarAsync<bool>($"SELECT pg_terminate_backend({held})"));
        var disturbed = await _api.WaitAsync(disturbedUrl);

        Assert.Equal("succeeded", disturbed.GetProperty("state").GetString());
        Assert.Equal(1, disturbed.GetProperty("attempts").GetInt32()); // retried inside the run, not requeued
        Assert.Equal(2, await SavesAsync());
        Assert.Contains(_log.Events, e => e.Level == LogEventLevel.Warning && e.RenderMessage().Contains("Database unreachable while \"saving the results\""));

        var undisturbedUrl = await PostAsync();
        var undisturbed = await _api.WaitAsync(undisturbedUrl);
        Assert.Equal("succeeded", undisturbed.GetProperty("state").GetString());
        Assert.Equal(3, await SavesAsync());

        Assert.Equal(await IssuesCsvAsync(undisturbedUrl), await IssuesCsvAsync(disturbedUrl));
        const string rows = """
            SELECT string_agg(concat_ws(',', study_index, given_label, guessed_label, predicted_label, label_quality, normalized_margin, is_cl_flagged, issue_rank), ';' ORDER BY study_index)
              FROM examples e JOIN analysis_jobs j ON j.dataset_id = e.dataset_id
             WHERE j.id = @job
            """;
        Assert.Equal(await ScalarAsync<string>(rows, ("job", JobIdOf(undisturbed))), await ScalarAsync<string>(rows, ("job", JobIdOf(disturbed))));
        Assert.Equal((long)_data.Examples * 2, await ScalarAsync<long>("SELECT count(*) FROM examples"));
    }

    /// <summary>An event trigger that counts each staging table created (one per save) and runs <paramref name="then"/> on it.</summary>
    private static string CountSaves(string then) => $$"""
        CREATE SEQUENCE test_saves;
        CREATE FUNCTION test_count_saves() RETURNS event_trigger LANGUAGE plpgsql AS $$
        DECLARE created record;
        BEGIN
          FOR created IN SELECT * FROM pg_event_trigger_ddl_commands() WHERE command_tag = 'CREATE TABLE' AND object_identity LIKE '%\_staging\_%' LOOP
            PERFORM nextval('test_saves');
            {{then}}
          END LOOP;
        END $$;
        CREATE EVENT TRIGGER test_count_saves ON ddl_command_end WHEN TAG IN ('CREATE TABLE') EXECUTE FUNCTION test_count_saves();
        """;

    private async Task<string> PostAsync() =>
        (await _api.PostAcceptedAsync(new UploadForm().File("labels", _data.LabelsPath).File("pred_probs", _data.PredProbsPath)))
        .GetProperty("jobUrl").GetString()!;

    private async Task<string> IssuesCsvAsync(string jobUrl) =>
        await _client.GetStringAsync(jobUrl[..jobUrl.LastIndexOf('/')] + "/issues.csv");

    private static Guid JobIdOf(System.Text.Json.JsonElement job) => Guid.Parse(job.GetProperty("id").GetString()!);

    /// <summary>The pid of the save that the trigger holds in pg_sleep.</summary>
    private async Task<int> WaitForHeldSaveAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var pid = await ScalarAsync<int?>("""
                SELECT pid FROM pg_stat_activity
                 WHERE datname = current_database() AND wait_event = 'PgSleep' AND query LIKE 'COPY examples%'
                """);
            if (pid is { } found)
                return found;
            await Task.Delay(50);
        }
        throw new TimeoutException("the first save never reached the trigger");
    }

    private async Task<long> SavesAsync() => await ScalarAsync<long>("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM test_saves");

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        var result = await command.ExecuteScalarAsync();
        return result is null or DBNull ? default! : (T)result;
    }
}
