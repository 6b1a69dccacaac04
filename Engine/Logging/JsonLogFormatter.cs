using System.Buffers;
using System.Collections;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Feeds.Transport;

namespace Engine.Logging;

/// <summary>
/// One JSON object per line: <c>ts</c>, <c>level</c>, <c>category</c>, <c>event_id</c>,
/// <c>message</c>, <c>correlation_id</c> (when the event names a client order id), the template's
/// properties, and <c>exception</c> when there is one.
/// </summary>
/// <example><c>{"ts":"2026-11-26T03:32:17.123456Z","level":"Warning","category":"Engine.Venues.Alpaca.AlpacaVenueHandler","event_id":542,"message":"…","correlation_id":"E1-42","HttpStatus":422}</c></example>
internal sealed class JsonLogFormatter : ILogFormatter, IDisposable
{
    // A property named like one of the fixed fields is written with this prefix instead of overwriting it.
    private const string CollisionPrefix = "prop_";

    private static readonly string[] s_fixedFields = ["ts", "level", "category", "event_id", "message", "correlation_id", "exception"];

    // Log text is read by people and log shippers, not embedded in HTML: keep '<', '\'' and non-ASCII readable.
    private static readonly JsonWriterOptions s_options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    private readonly Utf8JsonWriter _json = new(Stream.Null, s_options);

    /// <inheritdoc />
    public void Format(in LogRecord record, SecretRedactor redactor, ArrayBufferWriter<byte> line)
    {
        _json.Reset(line);
        _json.WriteStartObject();
        Span<byte> ts = stackalloc byte[32];
        _json.WriteString("ts"u8, ts[..record.FormatTimestamp(ts)]);
        _json.WriteString("level"u8, LevelNames.Of(record.Level));
        _json.WriteString("category"u8, record.Category);
        _json.WriteNumber("event_id"u8, record.EventId);
        _json.WriteString("message"u8, record.Message);
        if (record.CorrelationId is { } correlation)
        {
            _json.WriteString("correlation_id"u8, correlation);
        }
        if (record.Properties is { } properties)
        {
            for (int i = 0; i < properties.Count; i++)
            {
                var (name, value) = properties[i];
                if (LogRecord.IsWrittenProperty(name))
                {
                    _json.WritePropertyName(Array.IndexOf(s_fixedFields, name) >= 0 ? CollisionPrefix + name : name);
                    WriteValue(value, redactor, nested: false);
                }
            }
        }
        if (record.Exception is { } exception)
        {
            _json.WriteString("exception"u8, exception);
        }
        _json.WriteEndObject();
        _json.Flush();
        line.Write("\n"u8);
    }

    /// <inheritdoc />
    public void Dispose() => _json.Dispose();

    private void WriteValue(object? value, SecretRedactor redactor, bool nested)
    {
        switch (value)
        {
            case null:
                _json.WriteNullValue();
                break;
            case string text:
                _json.WriteStringValue(redactor.Redact(text));
                break;
            case bool flag:
                _json.WriteBooleanValue(flag);
                break;
            case int or long or short or sbyte or byte or ushort or uint:
                _json.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case ulong big:
                _json.WriteNumberValue(big);
                break;
            case decimal money:
                _json.WriteNumberValue(money);
                break;
            case double or float when double.IsFinite(Convert.ToDouble(value, CultureInfo.InvariantCulture)):
                _json.WriteNumberValue(Convert.ToDouble(value, CultureInfo.InvariantCulture));
                break;
            case IEnumerable items when !nested:
                _json.WriteStartArray();
                foreach (var item in items)
                {
                    WriteValue(item, redactor, nested: true);
                }
                _json.WriteEndArray();
                break;
            default:
                _json.WriteStringValue(redactor.Redact(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""));
                break;
        }
    }
}
