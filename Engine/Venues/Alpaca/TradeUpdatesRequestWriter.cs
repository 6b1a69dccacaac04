using System.Buffers;
using System.Text;
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
            writer.WriteString("action", "authenticate");
            writer.WriteStartObject("data");
            credentials.WriteJsonProperties(writer, "key_id", "secret_key");
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary><c>{"action":"listen","data":{"streams":["trade_updates"]}}</c>.</summary>
    /// <remarks>Built from a string, not a <c>u8</c> literal: those become explicitly laid-out compiler types in this assembly, which the padding tests would take for ours.</remarks>
    public static byte[] ListenToTradeUpdates() => Encoding.UTF8.GetBytes("""{"action":"listen","data":{"streams":["trade_updates"]}}""");
}
