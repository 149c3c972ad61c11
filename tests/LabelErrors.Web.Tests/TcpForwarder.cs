using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace LabelErrors.Web.Tests;

/// <summary>
/// Forwards a loopback port to PostgreSQL. <see cref="Stop"/> closes the listener and every open connection, which
/// is what the app sees when the database goes down; <see cref="Start"/> brings it back on the same port.
/// </summary>
internal sealed class TcpForwarder : IAsyncDisposable
{
    private readonly int _targetPort;
    private readonly int _listenPort;
    private readonly string _targetConnectionString;
    private readonly List<TcpClient> _open = [];
    private TcpListener? _listener;
    private CancellationTokenSource _stop = new();

    private TcpForwarder(string targetConnectionString)
    {
        _targetConnectionString = targetConnectionString;
        _targetPort = new NpgsqlConnectionStringBuilder(targetConnectionString).Port;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        _listenPort = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
    }

    public string ConnectionString => new NpgsqlConnectionStringBuilder(_targetConnectionString) { Port = _listenPort, Pooling = true, Timeout = 3 }.ConnectionString;

    public static TcpForwarder To(string connectionString)
    {
        var forwarder = new TcpForwarder(connectionString);
        forwarder.Start();
        return forwarder;
    }

    public void Start()
    {
        _stop = new CancellationTokenSource();
        _listener = new TcpListener(IPAddress.Loopback, _listenPort);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        _ = AcceptLoopAsync(_listener, _stop.Token);
    }

    public void Stop()
    {
        _stop.Cancel();
        _listener?.Stop();
        lock (_open)
        {
            foreach (var client in _open)
                client.Dispose();
            _open.Clear();
        }
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }

    private async Task AcceptLoopAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient inbound;
            try { inbound = await listener.AcceptTcpClientAsync(cancellationToken); }
            catch (Exception) { return; }
            var outbound = new TcpClient();
            try { await outbound.ConnectAsync(IPAddress.Loopback, _targetPort, cancellationToken); }
            catch (Exception) { inbound.Dispose(); outbound.Dispose(); continue; }
            lock (_open) { _open.Add(inbound); _open.Add(outbound); }
            _ = PumpAsync(inbound, outbound, cancellationToken);
            _ = PumpAsync(outbound, inbound, cancellationToken);
        }
    }

    private static async Task PumpAsync(TcpClient from, TcpClient to, CancellationToken cancellationToken)
    {
        try { await from.GetStream().CopyToAsync(to.GetStream(), cancellationToken); }
        catch (Exception) { /* either side closed: the other pump ends too */ }
        from.Dispose();
        to.Dispose();
    }
}
