using System.Text.Json;
using Feeds.Instruments;
using Feeds.Itch;

namespace Engine.Replay;

/// <summary>The JSON pieces the ITCH and pcap-ITCH replays print.</summary>
internal static class ItchReplayReport
{
    /// <summary><c>"types":{"S":n,...}</c>: decoded messages of every ITCH 5.0 type, zeros included.</summary>
    public static void WriteTypes(Utf8JsonWriter writer, ItchDecoderCounters counters)
    {
        writer.WriteStartObject("types");
        foreach (var type in Enum.GetValues<ItchMessageType>())
        {
            writer.WriteNumber(((char)(byte)type).ToString(), counters.OfType(type));
        }
        writer.WriteEndObject();
    }

    /// <summary><c>"decodeRejects":{...}</c>: the decoder's rejects per reason.</summary>
    public static void WriteRejects(Utf8JsonWriter writer, ItchDecoderCounters counters)
    {
        writer.WriteStartObject("decodeRejects");
        foreach (var status in Enum.GetValues<ItchDecodeStatus>())
        {
            if (status != ItchDecodeStatus.Decoded)
            {
                writer.WriteNumber(JsonNamingPolicy.CamelCase.ConvertName(status.ToString()), counters.WithStatus(status));
            }
        }
        writer.WriteEndObject();
    }

    /// <summary><c>"adds":{...}</c> and <c>"trades":{...}</c>: add orders per side and per stock, trades (P) per stock.</summary>
    public static void WriteAddsAndTrades(Utf8JsonWriter writer, InstrumentTable instruments, ItchReplaySink sink)
    {
        long buys = 0;
        long sells = 0;
        for (int id = 0; id < instruments.Count; id++)
        {
            buys += sink.BuyAdds(id);
            sells += sink.SellAdds(id);
        }
        writer.WriteStartObject("adds");
        writer.WriteNumber("total", buys + sells);
        writer.WriteNumber("buy", buys);
        writer.WriteNumber("sell", sells);
        writer.WriteStartObject("byStock");
        for (int id = 0; id < instruments.Count; id++)
        {
            writer.WriteStartObject(instruments[id].Symbol);
            writer.WriteNumber("total", sink.BuyAdds(id) + sink.SellAdds(id));
            writer.WriteNumber("buy", sink.BuyAdds(id));
            writer.WriteNumber("sell", sink.SellAdds(id));
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
        writer.WriteEndObject();

        writer.WriteStartObject("trades");
        writer.WriteStartObject("byStock");
        for (int id = 0; id < instruments.Count; id++)
        {
            writer.WriteNumber(instruments[id].Symbol, sink.Trades(id));
        }
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary><c>"unknownReferences":n</c> and <c>"bookTop":{...}</c>, or nulls when no book was kept.</summary>
    public static void WriteBook(Utf8JsonWriter writer, InstrumentTable instruments, IReplayBook? book)
    {
        if (book is null)
        {
            writer.WriteNull("unknownReferences");
            writer.WriteNull("bookTop");
            return;
        }
        writer.WriteNumber("unknownReferences", book.UnknownReferences);
        writer.WriteStartObject("bookTop");
        for (int id = 0; id < instruments.Count; id++)
        {
            var top = book.Top(id);
            writer.WriteStartObject(instruments[id].Symbol);
            writer.WriteNumber("bidTicks", top.BidPriceTicks);
            writer.WriteNumber("bidQty", top.BidQuantity);
            writer.WriteNumber("askTicks", top.AskPriceTicks);
            writer.WriteNumber("askQty", top.AskQuantity);
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }
}
