using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace LabelErrors.Web.Tests.Failures;

/// <summary>
/// Keeps every Serilog event the app writes (registered as an <see cref="ILogEventSink"/> service, which the app's
/// logging reads from DI), so a test can check a structured property such as <c>SqlState</c>.
/// </summary>
internal sealed class LogEventCollector : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public IReadOnlyList<LogEvent> Events => _events.ToArray();

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

    public IEnumerable<LogEvent> WithProperty(string name, string value) =>
        Events.Where(e => e.Properties.TryGetValue(name, out var property) && property is ScalarValue { Value: var v } && Equals(v?.ToString(), value));
}
