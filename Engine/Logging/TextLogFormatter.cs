using System.Buffers;
using System.Globalization;
using System.Text;
using Feeds.Transport;

namespace Engine.Logging;

/// <summary>
/// One readable line per event: timestamp, level, category and event id, the message, and the
/// correlation id; an exception follows on the next lines, indented.
/// </summary>
/// <example><c>2026-11-26T03:32:17.123456Z WARN Engine.Venues.Alpaca.AlpacaVenueHandler[542] alpaca gateway: order E1-42 refused: … correlation_id=E1-42</c></example>
internal sealed class TextLogFormatter : ILogFormatter
{
    private readonly StringBuilder _text = new(256);

    /// <inheritdoc />
    public void Format(in LogRecord record, SecretRedactor redactor, ArrayBufferWriter<byte> line)
    {
        Span<byte> ts = stackalloc byte[32];
        int length = record.FormatTimestamp(ts);
        ts[length++] = (byte)' ';
        line.Write(ts[..length]);
        _text.Clear()
            .Append(LevelNames.Short(record.Level)).Append(' ')
            .Append(record.Category).Append('[').Append(record.EventId.ToString(CultureInfo.InvariantCulture)).Append("] ")
            .Append(record.Message);
        if (record.CorrelationId is { } correlation)
        {
            _text.Append(" correlation_id=").Append(correlation);
        }
        if (record.Exception is { } exception)
        {
            _text.Append('\n').Append("    ").Append(exception.Replace("\n", "\n    ", StringComparison.Ordinal));
        }
        _text.Append('\n');
        foreach (var chunk in _text.GetChunks())
        {
            var span = line.GetSpan(Encoding.UTF8.GetMaxByteCount(chunk.Length));
            line.Advance(Encoding.UTF8.GetBytes(chunk.Span, span));
        }
    }
}
