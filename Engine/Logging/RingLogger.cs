using Microsoft.Extensions.Logging;

namespace Engine.Logging;

/// <summary>
/// A logger of one category: checks the level, claims a slot of the log ring, fills it and publishes
/// it. It never formats, never writes and never waits: a full ring drops the event, counted.
/// </summary>
/// <remarks>Any thread. Cost: a level check, one claim (an atomic compare-and-swap) and one box of the state.</remarks>
internal sealed class RingLogger : ILogger
{
    private readonly string _category;
    private readonly RingLoggerProvider _provider;
    private CategoryLevel _level;

    /// <summary>A logger of <paramref name="category"/> writing into <paramref name="provider"/>'s ring.</summary>
    public RingLogger(string category, RingLoggerProvider provider)
    {
        _category = category;
        _provider = provider;
        _level = new CategoryLevel(provider.Levels, provider.Levels.LevelFor(category));
    }

    /// <inheritdoc />
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    /// <inheritdoc />
    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= CurrentLevel();

    /// <inheritdoc />
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            _provider.Enqueue(_category, logLevel, eventId.Id, state, exception, formatter);
        }
    }

    /// <summary>The category's level under the provider's current table, looked up again only after a reload.</summary>
    private LogLevel CurrentLevel()
    {
        var cached = Volatile.Read(ref _level);
        var table = _provider.Levels;
        if (ReferenceEquals(cached.Table, table))
        {
            return cached.Level;
        }
        // Racing threads compute the same pair; whichever store wins is right.
        cached = new CategoryLevel(table, table.LevelFor(_category));
        Volatile.Write(ref _level, cached);
        return cached.Level;
    }

    /// <summary>A level and the table it was read from, swapped as one reference.</summary>
    private sealed record CategoryLevel(LogLevelTable Table, LogLevel Level);
}
