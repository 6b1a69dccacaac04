using System.Buffers;
using System.Text.Json;
using Feeds.Transport;

namespace Feeds.Alpaca;

/// <summary>Writes the client's messages: auth and subscribe, as UTF-8 JSON (the writer escapes every value).</summary>
internal static class AlpacaRequestWriter
{
    /// <summary><c>{"action":"auth","key":"…","secret":"…"}</c>. The bytes hold the secret: send them, never log them.</summary>
    public static byte[] Auth(ApiCredentials credentials)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("action"u8, "auth"u8);
            credentials.WriteJsonProperties(writer, "key", "secret");
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary><c>{"action":"subscribe","trades":[…],…}</c> with the non-empty lists of <paramref name="options"/>.</summary>
    public static byte[] Subscribe(AlpacaStreamOptions options)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("action"u8, "subscribe"u8);
            WriteList(writer, "trades", options.Trades);
            WriteList(writer, "quotes", options.Quotes);
            WriteList(writer, "bars", options.Bars);
            WriteList(writer, "dailyBars", options.DailyBars);
            WriteList(writer, "statuses", options.Statuses);
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteList(Utf8JsonWriter writer, string name, IReadOnlyList<string> symbols)
    {
        if (symbols.Count == 0)
        {
            return;
        }
        writer.WriteStartArray(name);
        foreach (string symbol in symbols)
        {
            writer.WriteStringValue(symbol);
        }
        writer.WriteEndArray();
    }
}
