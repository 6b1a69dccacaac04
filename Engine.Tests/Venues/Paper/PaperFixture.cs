using Engine.Book;
using Engine.Orders;
using Engine.Risk;
using Engine.Venues.Paper;
using Feeds;

namespace Engine.Tests.Venues.Paper;

/// <summary>
/// A <see cref="PaperMatcher"/> over 2 instruments with a recording sink; market events are stamped
/// with a venue time that moves 1 us per event unless a test gives one, commands originate at the
/// venue clock unless a test says otherwise, and client order ids count up from 1.
/// </summary>
internal sealed class PaperFixture
{
    public const long T0 = 1_000_000_000;

    private long _nextEventNs = T0;
    private long _nextId = 1;

    public PaperFixture(PaperVenueOptions? options = null, int instruments = 2)
    {
        Matcher = new PaperMatcher(options ?? new PaperVenueOptions(), new OrderBooks(new BookOptions { Instruments = instruments, MaxOrders = 1_024, MaxLevelsPerSide = 32 }));
    }

    public PaperMatcher Matcher { get; }

    public RecordingExecutionSink Sink { get; } = new();

    /// <summary>Applies <paramref name="e"/> at <paramref name="tsNs"/> (default: 1 us after the previous event).</summary>
    public void Market(MarketDataEvent e, long? tsNs = null)
    {
        e.TsEventNs = tsNs ?? _nextEventNs;
        _nextEventNs = e.TsEventNs + 1_000;
        Matcher.OnMarket(ref e, Sink);
    }

    /// <summary>Sets price levels: each (side, price, quantity).</summary>
    public void Levels(params (Side Side, long PriceTicks, long Quantity)[] levels)
    {
        foreach (var (side, price, quantity) in levels)
        {
            Market(new MarketDataEvent { Kind = MarketDataKind.LevelSet, Side = side, PriceTicks = price, Quantity = quantity });
        }
    }

    /// <summary>The standard level book: bids 99 x 400, 98 x 600; asks 101 x 300, 102 x 500, 103 x 1000.</summary>
    public void StandardBook() =>
        Levels((Side.Buy, 99, 400), (Side.Buy, 98, 600), (Side.Sell, 101, 300), (Side.Sell, 102, 500), (Side.Sell, 103, 1_000));

    public static OrderCommand NewCommand(long clientOrderId, Side side, OrderType type, TimeInForce tif, long quantity, long limitPriceTicks = 0, int instrumentId = 0) =>
        new()
        {
            Kind = OrderCommandKind.New, ClientOrderId = clientOrderId, Side = side, Type = type, TimeInForce = tif,
            Quantity = quantity, LimitPriceTicks = limitPriceTicks, InstrumentId = instrumentId,
        };

    /// <summary>Sends a new order originating at <paramref name="originNs"/> (default: the venue clock); its client order id.</summary>
    public long New(Side side, OrderType type, TimeInForce tif, long quantity, long limitPriceTicks = 0, int instrumentId = 0, long? originNs = null)
    {
        long id = _nextId++;
        var command = NewCommand(id, side, type, tif, quantity, limitPriceTicks, instrumentId);
        command.OriginEventNs = originNs ?? Matcher.ClockNs;
        Matcher.OnCommand(in command, Sink);
        return id;
    }

    public long Limit(Side side, long quantity, long limitPriceTicks, TimeInForce tif = TimeInForce.Day) =>
        New(side, OrderType.Limit, tif, quantity, limitPriceTicks);

    public long MarketOrder(Side side, long quantity, TimeInForce tif = TimeInForce.Day) => New(side, OrderType.Market, tif, quantity);

    public void Cancel(long clientOrderId, long? originNs = null)
    {
        var command = new OrderCommand { Kind = OrderCommandKind.Cancel, ClientOrderId = clientOrderId, OriginEventNs = originNs ?? Matcher.ClockNs };
        Matcher.OnCommand(in command, Sink);
    }

    public List<ExecutionReport> Take() => Sink.Take();

    /// <summary>The estimated size ahead of a resting order.</summary>
    public long AheadOf(long clientOrderId)
    {
        Assert.That(Matcher.TryGetRestingOrder(clientOrderId, out long ahead, out _), Is.True, $"order {clientOrderId} is not resting");
        return ahead;
    }
}
