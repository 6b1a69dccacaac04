using Engine.Book;
using Engine.Orders;
using Engine.Risk;
using Engine.Venues.Paper;
using Feeds;
using Feeds.Synthetic;

namespace Engine.Tests.Venues.Paper;

/// <summary>
/// A long deterministic session for the paper venue: the synthetic market (4 instruments, seed 42
/// unless given, venue time 1 us per event) with, every few events, a command drawn from its own seeded generator:
/// limit orders of every time in force around the touch (some through it), market orders, stops
/// and stop-limits at the touch, trailing stops (refused) and cancels of recent orders. Allocates
/// nothing per step.
/// </summary>
internal sealed class SyntheticOrderFlow
{
    public const int Instruments = 4;
    private const int RecentIds = 64;

    private readonly SyntheticMarketFeed _feed;
    private readonly long[] _recent = new long[RecentIds];
    private readonly long[] _quantities;
    private MarketDataEvent _event;
    private ulong _random = 0x5DEECE66DUL;
    private long _step;

    public SyntheticOrderFlow(int maxOrders, int seed = 42)
    {
        _feed = new SyntheticMarketFeed(new SyntheticFeedOptions { Instruments = Instruments, Seed = (ulong)seed }, 0, new IgnoringSink());
        _quantities = new long[maxOrders + 1];
    }

    /// <summary>Client order ids used so far (1..n).</summary>
    public long OrdersSent { get; private set; }

    /// <summary>The quantity order <paramref name="clientOrderId"/> was sent with.</summary>
    public long QuantityOf(long clientOrderId) => _quantities[clientOrderId];

    /// <summary>Venue time of the last event.</summary>
    public long NowNs => _step * 1_000;

    public static PaperVenueOptions Options(int entryLatencyUs = 0, int reportLatencyUs = 0) => new()
    {
        EntryLatencyUs = entryLatencyUs,
        ReportLatencyUs = reportLatencyUs,
        TakerFeeCentiBps = 30,
        MakerFeeCentiBps = -20,
        MaxRestingOrders = 2_048,
    };

    public static BookOptions Books => new() { Instruments = Instruments, MaxOrders = 8_192, MaxLevelsPerSide = 128 };

    /// <summary>One market event and, every 8th step, one command.</summary>
    public void Step(PaperMatcher matcher, IExecutionSink sink)
    {
        matcher.OnMarket(ref NextMarket(), sink);
        if (TryNextCommand(matcher.Books, out var command))
        {
            matcher.OnCommand(in command, sink);
        }
    }

    /// <summary>The step's market event.</summary>
    public ref MarketDataEvent NextMarket()
    {
        _step++;
        _feed.NextEvent(ref _event);
        _event.TsEventNs = NowNs;
        _event.TsRecvNs = 0;
        return ref _event;
    }

    /// <summary>Every 8th step, the step's command, priced off <paramref name="books"/> once they hold the step's event.</summary>
    public bool TryNextCommand(OrderBooks books, out OrderCommand command)
    {
        command = default;
        if (_step % 8 != 0 || OrdersSent + 1 >= _quantities.Length)
        {
            return false;
        }
        command = NextCommand(books);
        return true;
    }

    private OrderCommand NextCommand(OrderBooks books)
    {
        int instrument = (int)(Next() % Instruments);
        ulong roll = Next() % 100;
        if (roll < 15 && OrdersSent > 0)
        {
            return new OrderCommand
            {
                Kind = OrderCommandKind.Cancel,
                ClientOrderId = _recent[(int)(Next() % (ulong)Math.Min(OrdersSent, RecentIds))],
                OriginEventNs = NowNs,
            };
        }
        var side = Next() % 2 == 0 ? Side.Buy : Side.Sell;
        var book = books[instrument];
        long touch = book.TryGetBest(side == Side.Buy ? Side.Sell : Side.Buy, out var level)
            ? level.PriceTicks
            : 10_000 * (1 + instrument);
        // From 4 ticks passive to 2 ticks through the opposite touch.
        long offset = (long)(Next() % 7) - 4;
        var (type, tif) = roll switch
        {
            < 45 => (OrderType.Limit, TimeInForce.Day),
            < 60 => (OrderType.Limit, TimeInForce.Gtc),
            < 75 => (OrderType.Limit, TimeInForce.Ioc),
            < 85 => (OrderType.Limit, TimeInForce.Fok),
            < 93 => (OrderType.Market, TimeInForce.Day),
            < 96 => (OrderType.Stop, TimeInForce.Day),
            < 99 => (OrderType.StopLimit, TimeInForce.Gtc),
            _ => (OrderType.TrailingStop, TimeInForce.Day),
        };
        long id = ++OrdersSent;
        _recent[(int)(id % RecentIds)] = id;
        _quantities[id] = 100 * (long)(1 + (Next() % 8));
        return new OrderCommand
        {
            Kind = OrderCommandKind.New,
            ClientOrderId = id,
            InstrumentId = instrument,
            Side = side,
            Type = type,
            TimeInForce = tif,
            Quantity = _quantities[id],
            LimitPriceTicks = type is OrderType.Market or OrderType.Stop or OrderType.TrailingStop ? 0 : side == Side.Buy ? touch + offset : touch - offset,
            StopPriceTicks = type is OrderType.Stop or OrderType.StopLimit ? touch : 0,
            TrailTicks = type == OrderType.TrailingStop ? 5 : 0,
            OriginEventNs = NowNs,
        };
    }

    private ulong Next()
    {
        _random ^= _random >> 12;
        _random ^= _random << 25;
        _random ^= _random >> 27;
        return _random * 0x2545F4914F6CDD1DUL;
    }

    private sealed class IgnoringSink : IMarketDataSink
    {
        public void Publish(in MarketDataEvent marketEvent)
        {
        }
    }
}
