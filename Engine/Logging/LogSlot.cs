using Microsoft.Extensions.Logging;

namespace Engine.Logging;

/// <summary>
/// One slot of the log ring: what a log call hands to the writer thread. The caller stores the
/// state and its formatter as they are; the writer formats the message and reads the properties.
/// </summary>
/// <remarks>
/// A class, unlike the engine's event structs: a log event carries references (the state, the
/// exception, the category), which an unmanaged ring slot cannot hold. The slots are allocated once;
/// the writer clears the references after writing so nothing outlives its line.
/// </remarks>
internal sealed class LogSlot
{
    /// <summary>When the event was logged, UTC ticks.</summary>
    public long TimestampTicks;

    /// <summary>The event's level.</summary>
    public LogLevel Level;

    /// <summary>The event id's number.</summary>
    public int EventId;

    /// <summary>The logger's category.</summary>
    public string Category = "";

    /// <summary>The logger's state: for message templates, the list of its properties.</summary>
    public object? State;

    /// <summary>The caller's formatter, typed as the state's <see cref="Func{TState, Exception, String}"/>.</summary>
    public Delegate? Formatter;

    /// <summary>Calls <see cref="Formatter"/> on <see cref="State"/> without knowing the state's type.</summary>
    public Func<object?, Delegate, Exception?, string>? Format;

    /// <summary>The exception logged with the event, if any.</summary>
    public Exception? Exception;

    /// <summary>The formatted message.</summary>
    public string Message() => Format is null || Formatter is null ? "" : Format(State, Formatter, Exception);

    /// <summary>Drops the references, so the slot keeps nothing alive while it waits for its next lap.</summary>
    public void Clear()
    {
        State = null;
        Formatter = null;
        Format = null;
        Exception = null;
    }
}
