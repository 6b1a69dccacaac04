using System.Globalization;
using Feeds.Kraken;

namespace Engine.Replay;

/// <summary>
/// Writes the top of book after every Kraken book message of a replay, one CSV row each:
/// <c>ts_recv_ns,pair,valid,bid_price,bid_volume,ask_price,ask_volume</c> (decimal text; empty when a side is empty).
/// </summary>
internal sealed class KrakenTopOfBookCsv(KrakenBookDecoder decoder, TextWriter writer) : IKrakenReplayObserver
{
    /// <summary>The header row.</summary>
    public const string Header = "ts_recv_ns,pair,valid,bid_price,bid_volume,ask_price,ask_volume";

    /// <inheritdoc/>
    public void OnMessage(in KrakenDecodeResult result, long tsRecvNs)
    {
        if (decoder.Book(result.InstrumentId) is not { } book)
        {
            return;
        }
        writer.Write(tsRecvNs.ToString(CultureInfo.InvariantCulture));
        writer.Write(',');
        writer.Write(book.Instrument.Symbol);
        writer.Write(book.IsValid ? ",1" : ",0");
        WriteBest(book.Bids, book.PriceDecimals);
        WriteBest(book.Asks, book.PriceDecimals);
        writer.WriteLine();
    }

    /// <summary><paramref name="value"/> × 10^-<paramref name="decimals"/> as decimal text, for example 2290 at 8 → "0.00002290".</summary>
    public static string FormatFixed(long value, int decimals)
    {
        string digits = Math.Abs(value).ToString(CultureInfo.InvariantCulture).PadLeft(decimals + 1, '0');
        string sign = value < 0 ? "-" : "";
        return decimals == 0 ? sign + digits : $"{sign}{digits[..^decimals]}.{digits[^decimals..]}";
    }

    private void WriteBest(KrakenBookSide side, int priceDecimals)
    {
        if (side.Count == 0)
        {
            writer.Write(",,");
            return;
        }
        ref readonly KrakenLevel best = ref side[0];
        writer.Write(',');
        writer.Write(FormatFixed(best.PriceTicks, priceDecimals));
        writer.Write(',');
        writer.Write(FormatFixed(best.Quantity, KrakenBook.VolumeDecimals));
    }
}
