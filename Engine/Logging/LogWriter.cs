using System.Buffers;
using Feeds.Transport;
using Microsoft.Extensions.Logging;

namespace Engine.Logging;

/// <summary>
/// The log writer thread's work on one slot: format the message, find the correlation id, redact,
/// format the line and write it. Also writes the line that reports dropped events.
/// </summary>
/// <remarks>Only the log writer thread calls it. Reuses one line buffer; allocates the message string and what redaction replaces.</remarks>
internal sealed class LogWriter : IDisposable
{
    /// <summary>The category of the writer's own lines (dropped events).</summary>
    public const string Category = "Engine.Logging";

    /// <summary>The event id of the line that reports dropped events.</summary>
    public const int DroppedEventId = 1;

    private readonly ILogFormatter _formatter;
    private readonly ILogOutput _output;
    private readonly SecretRedactor _redactor;
    private readonly ArrayBufferWriter<byte> _line = new(1024);
    private long _failures;

    /// <summary>A writer formatting with <paramref name="formatter"/> into <paramref name="output"/>, which it owns.</summary>
    public LogWriter(ILogFormatter formatter, ILogOutput output, SecretRedactor redactor)
    {
        _formatter = formatter;
        _output = output;
        _redactor = redactor;
    }

    /// <summary>Events that could not be formatted or written (a formatter that threw, a full disk); any thread may read it.</summary>
    public long FailureCount => Volatile.Read(ref _failures);

    /// <summary>Formats and writes the event in <paramref name="slot"/>.</summary>
    public void Write(LogSlot slot)
    {
        try
        {
            var properties = slot.State as IReadOnlyList<KeyValuePair<string, object?>>;
            var record = new LogRecord(
                slot.TimestampTicks,
                slot.Level,
                slot.Category,
                slot.EventId,
                _redactor.Redact(slot.Message()),
                properties,
                CorrelationIdOf(properties),
                slot.Exception is { } exception ? _redactor.Redact(exception.ToString()) : null);
            Emit(record);
        }
        // The writer must outlive any one bad event: a throwing ToString or formatter, or an I/O error, costs that line only.
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Only this thread writes the count; the release store lets other threads read it.
            Volatile.Write(ref _failures, _failures + 1);
        }
    }

    /// <summary>Writes the line saying <paramref name="dropped"/> events were dropped since the last such line (<paramref name="total"/> in all).</summary>
    public void WriteDropped(long timestampTicks, long dropped, long total)
    {
        KeyValuePair<string, object?>[] properties = [new("Dropped", dropped), new("DroppedTotal", total)];
        try
        {
            Emit(new LogRecord(timestampTicks, LogLevel.Warning, Category, DroppedEventId,
                $"log ring full: {dropped} log events dropped ({total} since start); raise logging.queueSlots or lower the levels",
                properties, null, null));
        }
        catch (IOException)
        {
            Volatile.Write(ref _failures, _failures + 1);
        }
    }

    /// <summary>Hands buffered lines to the operating system.</summary>
    public void Flush()
    {
        try
        {
            _output.Flush();
        }
        catch (IOException)
        {
            Volatile.Write(ref _failures, _failures + 1);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _output.Dispose();
        (_formatter as IDisposable)?.Dispose();
    }

    private void Emit(in LogRecord record)
    {
        _line.ResetWrittenCount();
        _formatter.Format(record, _redactor, _line);
        _output.Write(_line.WrittenSpan);
    }

    private string? CorrelationIdOf(IReadOnlyList<KeyValuePair<string, object?>>? properties)
    {
        if (properties is null)
        {
            return null;
        }
        for (int i = 0; i < properties.Count; i++)
        {
            var (name, value) = properties[i];
            if (name.Equals(LogRecord.CorrelationProperty, StringComparison.OrdinalIgnoreCase) && value is not null)
            {
                return _redactor.Redact(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "");
            }
        }
        return null;
    }
}
