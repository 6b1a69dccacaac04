using Microsoft.Extensions.Logging;

namespace Engine.Tests.Support;

/// <summary>An <see cref="ILogger"/> that keeps every entry, for asserting what was logged. Thread-safe.</summary>
internal sealed class CapturingLogger : ILogger
{
    private readonly Lock _gate = new();
    private readonly List<LogEntry> _entries = [];

    /// <summary>A copy of the entries so far.</summary>
    public IReadOnlyList<LogEntry> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    /// <summary>Entries at exactly <paramref name="level"/>.</summary>
    public int CountAt(LogLevel level)
    {
        int count = 0;
        foreach (var entry in Entries)
        {
            if (entry.Level == level)
            {
                count++;
            }
        }
        return count;
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var entry = new LogEntry(logLevel, formatter(state, exception), exception);
        lock (_gate)
        {
            _entries.Add(entry);
        }
    }
}
