using System.Buffers;
using System.Text.Json;

namespace Feeds.Kraken;

/// <summary>Writes the client's v1 book requests as UTF-8 JSON (the writer escapes every value).</summary>
internal static class KrakenRequestWriter
{
    /// <summary><c>{"event":"subscribe","pair":[…],"subscription":{"name":"book","depth":N}}</c>.</summary>
    public static byte[] Subscribe(IReadOnlyList<string> pairs, int depth) => Request("subscribe"u8, pairs, depth);

    /// <summary><c>{"event":"unsubscribe","pair":[…],"subscription":{"name":"book","depth":N}}</c>; the depth names which book subscription ends.</summary>
    public static byte[] Unsubscribe(IReadOnlyList<string> pairs, int depth) => Request("unsubscribe"u8, pairs, depth);

    private static byte[] Request(ReadOnlySpan<byte> eventName, IReadOnlyList<string> pairs, int depth)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("event"u8, eventName);
            writer.WriteStartArray("pair"u8);
            foreach (string pair in pairs)
            {
                writer.WriteStringValue(pair);
            }
            writer.WriteEndArray();
            writer.WriteStartObject("subscription"u8);
            writer.WriteString("name"u8, "book"u8);
            writer.WriteNumber("depth"u8, depth);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
