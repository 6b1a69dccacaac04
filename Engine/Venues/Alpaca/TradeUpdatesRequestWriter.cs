using System.Buffers;
using System.Text.Json;
using Feeds.Transport;

namespace Engine.Venues.Alpaca;

/// <summary>The client's messages on the trade_updates stream, as UTF-8 JSON.</summary>
internal static class TradeUpdatesRequestWriter
{
    /// <summary><c>{"action":"authenticate","data":{"key_id":"…","secret_key":"…"}}</c>. The bytes hold the secret: send them, never log them.</summary>
    public static byte[] Authenticate(ApiCredentials credentials)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("action"u8, "authenticate"u8);
            writer.WriteStartObject("data"u8);
            credentials.WriteJsonProperties(writer, "key_id"u8, "secret_key"u8);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary><c>{"action":"listen","data":{"streams":["trade_updates"]}}</c>.</summary>
    public static byte[] ListenToTradeUpdates() => """{"action":"listen","data":{"streams":["trade_updates"]}}"""u8.ToArray();
}
