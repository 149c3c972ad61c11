using System.Net.Sockets;
using LabelErrors.Data.Failures;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LabelErrors.Data.Tests.Failures;

public sealed class DatabaseFailuresTests
{
    [Theory]
    [InlineData("08000")] // connection_exception
    [InlineData("08001")] // sqlclient_unable_to_establish_sqlconnection
    [InlineData("08003")] // connection_does_not_exist
    [InlineData("08006")] // connection_failure
    [InlineData("08P01")] // protocol_violation: the whole class 08
    [InlineData("53000")] // insufficient_resources
    [InlineData("53100")] // disk_full
    [InlineData("53300")] // too_many_connections
    [InlineData("57P01")] // admin_shutdown (also pg_terminate_backend)
    [InlineData("57P02")] // crash_shutdown
    [InlineData("57P03")] // cannot_connect_now (starting up, shutting down)
    [InlineData("57P05")] // idle_session_timeout
    [InlineData("57014")] // query_canceled (statement_timeout)
    [InlineData("40001")] // serialization_failure
    [InlineData("40P01")] // deadlock_detected
    [InlineData("55P03")] // lock_not_available (Npgsql's list)
    [InlineData("58030")] // io_error (Npgsql's list)
    public void A_server_error_of_a_passing_condition_is_transient(string sqlState)
    {
        Assert.Equal(DatabaseFailure.Transient, DatabaseFailures.Classify(Server(sqlState)));
        Assert.True(DatabaseFailures.IsTransient(Server(sqlState)));
        Assert.False(DatabaseFailures.IsBug(Server(sqlState)));
    }

    [Theory]
    [InlineData("23505")] // unique_violation
    [InlineData("23503")] // foreign_key_violation
    [InlineData("23514")] // check_violation
    [InlineData("23502")] // not_null_violation
    [InlineData("42P01")] // undefined_table
    [InlineData("42703")] // undefined_column
    [InlineData("42601")] // syntax_error
    [InlineData("42501")] // insufficient_privilege
    [InlineData("22P02")] // invalid_text_representation
    [InlineData("22001")] // string_data_right_truncation
    [InlineData("25P02")] // in_failed_sql_transaction
    [InlineData("28P01")] // invalid_password
    [InlineData("3D000")] // invalid_catalog_name
    [InlineData("57P04")] // database_dropped: it will not come back
    [InlineData("XX000")] // internal_error
    [InlineData("P0001")] // raise_exception
    public void Any_other_server_error_is_a_bug(string sqlState)
    {
        Assert.Equal(DatabaseFailure.Bug, DatabaseFailures.Classify(Server(sqlState)));
        Assert.True(DatabaseFailures.IsBug(Server(sqlState)));
    }

    [Fact]
    public void Every_state_npgsql_calls_transient_is_transient_here_too()
    {
        string[] npgsqlSays = ["53000", "53100", "53200", "53300", "53400", "57P03", "58000", "58030", "40001", "55P03", "55006", "55000",
            "08000", "08003", "08006", "08001", "08004", "08007"];
        foreach (var state in npgsqlSays)
            Assert.True(DatabaseFailures.IsTransient(Server(state)), state);
    }

    public static TheoryData<Exception> NetworkCauses => new()
    {
        new IOException("Unable to read data from the transport connection: Connection reset by peer."),
        new EndOfStreamException("Attempted to read past the end of the stream."),
        new SocketException((int)SocketError.ConnectionRefused),
        new SocketException((int)SocketError.ConnectionReset),
        new TimeoutException("Timeout during reading attempt"),
        new IOException("outer", new SocketException((int)SocketError.ConnectionReset)),
    };

    [Theory]
    [MemberData(nameof(NetworkCauses))]
    public void An_npgsql_error_with_a_network_cause_is_transient(Exception cause)
    {
        Assert.Equal(DatabaseFailure.Transient, DatabaseFailures.Classify(new NpgsqlException("Exception while reading from stream", cause)));
        // Wrapped again, as EF Core and a caller's InvalidOperationException do.
        Assert.Equal(DatabaseFailure.Transient, DatabaseFailures.Classify(
            new InvalidOperationException("An error occurred", new NpgsqlException("Failed to connect to 127.0.0.1:5432", cause))));
        Assert.Equal(DatabaseFailure.Transient, DatabaseFailures.Classify(new AggregateException(new NpgsqlException("x", cause))));
    }

    [Fact]
    public void A_socket_or_timeout_error_on_its_own_is_transient_but_a_lone_file_error_is_no_database_failure()
    {
        Assert.Equal(DatabaseFailure.Transient, DatabaseFailures.Classify(new SocketException((int)SocketError.ConnectionRefused)));
        Assert.Equal(DatabaseFailure.Transient, DatabaseFailures.Classify(new TimeoutException()));
        Assert.Equal(DatabaseFailure.None, DatabaseFailures.Classify(new IOException("disk full")));
        Assert.Equal(DatabaseFailure.None, DatabaseFailures.Classify(new FileNotFoundException("labels.npy")));
    }

    [Fact]
    public void An_npgsql_error_without_a_network_cause_or_server_error_is_a_bug()
    {
        Assert.Equal(DatabaseFailure.Bug, DatabaseFailures.Classify(new NpgsqlException("No password has been provided but the backend requires one")));
        Assert.Equal(DatabaseFailure.Bug, DatabaseFailures.Classify(new NpgsqlException("Received unexpected backend message", new InvalidCastException())));
    }

    [Fact]
    public void The_server_error_decides_wherever_it_is_wrapped()
    {
        var violation = Server("23505", constraint: "ix_examples_dataset_id_study_index", table: "examples");
        Assert.Equal(DatabaseFailure.Bug, DatabaseFailures.Classify(new DbUpdateException("An error occurred while saving the entity changes.", violation)));
        Assert.Same(violation, DatabaseFailures.ServerError(new DbUpdateException("x", violation)));
        Assert.Equal(DatabaseFailure.Transient, DatabaseFailures.Classify(new InvalidOperationException("x", Server("57P01"))));
    }

    [Fact]
    public void A_cancellation_is_never_a_database_failure_even_around_the_servers_query_canceled()
    {
        Assert.Equal(DatabaseFailure.None, DatabaseFailures.Classify(new OperationCanceledException("Query was cancelled", Server("57014"))));
        Assert.Equal(DatabaseFailure.None, DatabaseFailures.Classify(new TaskCanceledException()));
    }

    [Fact]
    public void Other_exceptions_are_no_database_failure()
    {
        Assert.Equal(DatabaseFailure.None, DatabaseFailures.Classify(new InvalidOperationException("Sequence contains no elements")));
        Assert.Equal(DatabaseFailure.None, DatabaseFailures.Classify(new NullReferenceException()));
        Assert.Null(DatabaseFailures.ServerError(new InvalidOperationException("x")));
    }

    [Fact]
    public void Describe_names_the_state_its_class_the_constraint_the_table_and_the_servers_message()
    {
        var error = Server("23514", constraint: "quality_in_range", table: "examples",
            message: "new row for relation \"examples\" violates check constraint \"quality_in_range\"");

        Assert.Equal("PostgreSQL 23514 (integrity constraint violation) on constraint \"quality_in_range\" of table \"examples\": "
                     + "new row for relation \"examples\" violates check constraint \"quality_in_range\"", DatabaseFailures.Describe(error));
        Assert.Equal("PostgreSQL 42P01 (syntax error or access rule violation): relation \"nope\" does not exist",
            DatabaseFailures.Describe(Server("42P01", message: "relation \"nope\" does not exist")));
        Assert.Equal("PostgreSQL ZZ999: odd", DatabaseFailures.Describe(Server("ZZ999", message: "odd")));
    }

    private static PostgresException Server(string sqlState, string? constraint = null, string? table = null, string message = "server error") =>
        new(message, "ERROR", "ERROR", sqlState, tableName: table, constraintName: constraint);
}
