using System.Globalization;
using Feeds;
using Feeds.Instruments;
using Feeds.Itch;

namespace Engine.Replay;

/// <summary>
/// Where an ITCH replay's decoder publishes: counts add orders per instrument and side and trades
/// (P) per instrument, applies every event to the book (if any), and writes one CSV line per event
/// with the book's top after it (if asked to).
/// </summary>
/// <remarks>The replay's one thread. The CSV line is built per event, so <c>--out</c> allocates; the counting does not.</remarks>
internal sealed class ItchReplaySink : IMarketDataSink, IItchMessageListener
{
    /// <summary>The CSV header line.</summary>
    public const string CsvHeader = "ts_event_ns,sequence,symbol,kind,order_id,new_order_id,side,price_ticks,quantity,status,bid_ticks,bid_qty,ask_ticks,ask_qty";

    private readonly InstrumentTable _instruments;
    private readonly IReplayBook? _book;
    private readonly TextWriter? _csv;
    private readonly long[] _buyAdds;
    private readonly long[] _sellAdds;
    private readonly long[] _trades;

    public ItchReplaySink(InstrumentTable instruments, IReplayBook? book, TextWriter? csv)
    {
        _instruments = instruments;
        _book = book;
        _csv = csv;
        _buyAdds = new long[instruments.Capacity];
        _sellAdds = new long[instruments.Capacity];
        _trades = new long[instruments.Capacity];
        _csv?.WriteLine(CsvHeader);
    }

    /// <summary>Events published by the decoders (gap events included).</summary>
    public long Events { get; private set; }

    /// <summary>Add orders (A and F) on the buy side of <paramref name="instrumentId"/>.</summary>
    public long BuyAdds(int instrumentId) => _buyAdds[instrumentId];

    /// <summary>Add orders (A and F) on the sell side of <paramref name="instrumentId"/>.</summary>
    public long SellAdds(int instrumentId) => _sellAdds[instrumentId];

    /// <summary>Non-cross trades (P) of <paramref name="instrumentId"/>.</summary>
    public long Trades(int instrumentId) => _trades[instrumentId];

    public void Publish(in MarketDataEvent marketEvent)
    {
        Events++;
        var copy = marketEvent;
        _book?.Apply(ref copy);
        if (_csv is not null)
        {
            WriteCsv(in marketEvent);
        }
    }

    public void OnMessage(ItchMessageReader message, int instrumentId, long sequence)
    {
        if (instrumentId == ItchDecoder.NoInstrument)
        {
            return;
        }
        switch (message.Type)
        {
            case ItchMessageType.AddOrder or ItchMessageType.AddOrderWithMpid:
                if (message.Char(ItchLayout.AddOrder.Side) == (byte)'B')
                {
                    _buyAdds[instrumentId]++;
                }
                else
                {
                    _sellAdds[instrumentId]++;
                }
                break;
            case ItchMessageType.Trade:
                _trades[instrumentId]++;
                break;
        }
    }

    private void WriteCsv(in MarketDataEvent e)
    {
        var inv = CultureInfo.InvariantCulture;
        bool known = (uint)e.InstrumentId < (uint)_instruments.Count;
        string symbol = known ? _instruments[e.InstrumentId].Symbol : "";
        string top = ",,,";
        if (_book is not null && known)
        {
            var t = _book.Top(e.InstrumentId);
            top = string.Create(inv, $"{t.BidPriceTicks},{t.BidQuantity},{t.AskPriceTicks},{t.AskQuantity}");
        }
        _csv!.WriteLine(string.Create(inv,
            $"{e.TsEventNs},{e.Sequence},{symbol},{e.Kind},{e.OrderId},{e.NewOrderId},{e.Side},{e.PriceTicks},{e.Quantity},{e.Status},{top}"));
    }
}
