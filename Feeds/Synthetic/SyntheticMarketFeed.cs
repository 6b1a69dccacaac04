using System.Diagnostics;

namespace Feeds.Synthetic;

/// <summary>
/// A deterministic market for running the engine without a venue: a random walk of the mid price
/// per instrument and an order-by-order flow around it (adds, deletes, executions, trade prints).
/// </summary>
/// <remarks>
/// <para>Bids rest 1 to 5 ticks below the mid, asks 1 to 5 above. When the mid moves, the orders it
/// reached (bids at or above it, asks at or below) are executed in full, one event each, before
/// anything else happens to that instrument: the price moved because that liquidity was taken, and
/// the book never crosses. Executions take the oldest order at the best price of a random side (the
/// front of the queue, as a marketable order would), and trade prints (non-displayed liquidity) are
/// at the touch their aggressor takes.</para>
/// <see cref="Run"/> is the body of one producer thread; it allocates nothing per event. The same
/// seed, instrument count and thread index give the same sequence of events.
/// </remarks>
public sealed class SyntheticMarketFeed
{
    /// <summary>At most this many orders are live on one instrument at once (so at most this many closing deletes each).</summary>
    internal const int MaxLiveOrdersPerInstrument = 64;
    private const int PacingBatch = 64;
    private const long FirstMidTicks = 10_000;

    /// <summary>The venue clock of every stream starts here (2026-01-05 14:30 UTC, a session open), so the same seed gives the same times.</summary>
    private const long VenueEpochNs = 1_767_623_400_000_000_000;

    private readonly IMarketDataSink _sink;
    private readonly long _maxEvents;
    private readonly double _rateEventsPerSecond;
    private readonly int[] _instrumentIds;
    private readonly long[] _midTicks;
    private readonly LiveOrder[] _liveOrders;
    private readonly int[] _liveCounts;
    private readonly bool[] _sweeping; // the mid moved: orders it reached are still to be executed
    private readonly int[] _best; // per instrument and side: the index BestLive returns, or -1 when it must scan again
    private readonly long _venueStepNs;
    private readonly FeedHealth? _health;
    private ulong _random;
    private long _nextOrderId;
    private long _published;
    private long _venueTimeNs = VenueEpochNs;

    /// <summary>Creates the feed for thread <paramref name="threadIndex"/> of <see cref="SyntheticFeedOptions.Threads"/>.</summary>
    /// <param name="options">The market's settings.</param>
    /// <param name="threadIndex">Which of the threads this is.</param>
    /// <param name="sink">Receives the events, on the thread running <see cref="Run"/>.</param>
    /// <param name="health">Told while <see cref="Run"/> runs (connected) and of each batch of events; null for nowhere.</param>
    public SyntheticMarketFeed(SyntheticFeedOptions options, int threadIndex, IMarketDataSink sink, FeedHealth? health = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(threadIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(threadIndex, options.Threads);
        _sink = sink;
        _health = health;
        _maxEvents = options.MaxEventsPerThread;
        _rateEventsPerSecond = (double)options.RateEventsPerSecond / options.Threads;
        // Venue time advances by the paced spacing between this thread's events (1 us unpaced).
        _venueStepNs = _rateEventsPerSecond > 0 ? Math.Max(1, (long)(1e9 / _rateEventsPerSecond)) : 1_000;
        int count = (options.Instruments - threadIndex + options.Threads - 1) / options.Threads;
        _instrumentIds = new int[count];
        _midTicks = new long[count];
        for (int i = 0; i < count; i++)
        {
            _instrumentIds[i] = threadIndex + (i * options.Threads);
            _midTicks[i] = FirstMidTicks * (1 + _instrumentIds[i]);
        }
        _liveOrders = new LiveOrder[count * MaxLiveOrdersPerInstrument];
        _liveCounts = new int[count];
        _sweeping = new bool[count];
        _best = new int[count * 2];
        Array.Fill(_best, -1);
        _random = (options.Seed * 0x9E3779B97F4A7C15UL) + (ulong)threadIndex + 1;
        // Order ids are unique across threads: the thread index sits in the top bits.
        _nextOrderId = ((long)threadIndex << 48) + 1;
    }

    /// <summary>Events published so far. Any thread.</summary>
    public long Published => Volatile.Read(ref _published);

    /// <summary>Publishes events until <paramref name="cancellation"/> fires or the configured maximum is reached.</summary>
    /// <remarks>The feed's health reads connected from the start of the call to its end.</remarks>
    public void Run(CancellationToken cancellation)
    {
        _health?.OnConnected();
        try
        {
            Publish(cancellation);
        }
        finally
        {
            _health?.OnDisconnected(stale: false);
        }
    }

    private void Publish(CancellationToken cancellation)
    {
        long startTicks = Stopwatch.GetTimestamp();
        var marketEvent = default(MarketDataEvent);
        while (!cancellation.IsCancellationRequested && (_maxEvents == 0 || _published < _maxEvents))
        {
            long batch = _maxEvents == 0 ? PacingBatch : Math.Min(PacingBatch, _maxEvents - _published);
            // One receive stamp a batch: a batch is what a real feed takes off its socket at once.
            marketEvent.TsRecvNs = Stopwatch.GetTimestamp();
            for (int i = 0; i < batch; i++)
            {
                NextEvent(ref marketEvent);
                _sink.Publish(in marketEvent);
            }
            Volatile.Write(ref _published, _published + batch);
            _health?.OnMessages(batch, Stopwatch.GetTimestamp());
            if (_rateEventsPerSecond > 0)
            {
                Pace(startTicks, cancellation);
            }
        }
    }

    /// <summary>Fills <paramref name="e"/> with the next event of the stream (all but <see cref="MarketDataEvent.TsRecvNs"/>, the caller's stamp).</summary>
    internal void NextEvent(ref MarketDataEvent e)
    {
        int slot = (int)(NextRandom() % (ulong)_instrumentIds.Length);
        Stamp(slot, ref e);
        if (NextRandom() % 64 == 0)
        {
            _midTicks[slot] += NextRandom() % 2 == 0 ? 1 : -1;
            _sweeping[slot] = true;
        }
        if (_sweeping[slot] && Sweep(slot, ref e))
        {
            return;
        }

        int live = _liveCounts[slot];
        ulong roll = NextRandom() % 100;
        if (live < 8 || (roll < 50 && live < MaxLiveOrdersPerInstrument))
        {
            Add(slot, ref e);
        }
        else if (roll < 80)
        {
            Delete(slot, PickLive(slot), ref e);
        }
        else if (roll < 95)
        {
            Execute(slot, ref e);
        }
        else
        {
            // The aggressor's side; it trades at the other side's touch (the mid +-1 when that side is empty).
            var aggressor = NextRandom() % 2 == 0 ? Side.Buy : Side.Sell;
            var resting = aggressor == Side.Buy ? Side.Sell : Side.Buy;
            int best = BestLive(slot, resting);
            e.Kind = MarketDataKind.Trade;
            e.OrderId = 0;
            e.Side = aggressor;
            e.PriceTicks = best >= 0 ? _liveOrders[best].PriceTicks : _midTicks[slot] + (aggressor == Side.Buy ? 1 : -1);
            e.Quantity = 100 * (long)(1 + (NextRandom() % 5));
        }
    }

    /// <summary>Executes in full the front order of a touch the mid has reached (best bid at or above it, best ask at or below); false (and the sweep is over) when neither is.</summary>
    private bool Sweep(int slot, ref MarketDataEvent e)
    {
        long mid = _midTicks[slot];
        int index = BestLive(slot, Side.Buy);
        if (index < 0 || _liveOrders[index].PriceTicks < mid)
        {
            index = BestLive(slot, Side.Sell);
            if (index >= 0 && _liveOrders[index].PriceTicks > mid)
            {
                index = -1;
            }
        }
        if (index < 0)
        {
            _sweeping[slot] = false;
            return false;
        }
        ref var order = ref _liveOrders[index];
        e.Kind = MarketDataKind.Execute;
        e.OrderId = order.OrderId;
        e.Side = order.Side;
        e.PriceTicks = order.PriceTicks;
        e.Quantity = order.Quantity;
        RemoveLive(slot, index);
        return true;
    }

    /// <summary>The index of the oldest live order at the best price of <paramref name="side"/>, or -1 when the side is empty.</summary>
    /// <remarks>Kept between calls (<see cref="Add"/> and <see cref="RemoveLive"/> keep it true); scans only when the best order left.</remarks>
    internal int BestLive(int slot, Side side)
    {
        ref int cached = ref _best[(slot * 2) + (int)side - 1];
        if (cached < 0)
        {
            cached = ScanBestLive(slot, side);
        }
        return cached;
    }

    internal int ScanBestLive(int slot, Side side)
    {
        int start = slot * MaxLiveOrdersPerInstrument;
        int end = start + _liveCounts[slot];
        int best = -1;
        for (int index = start; index < end; index++)
        {
            ref var order = ref _liveOrders[index];
            if (order.Side != side)
            {
                continue;
            }
            if (best < 0)
            {
                best = index;
                continue;
            }
            ref var current = ref _liveOrders[best];
            bool better = side == Side.Buy ? order.PriceTicks > current.PriceTicks : order.PriceTicks < current.PriceTicks;
            if (better || (order.PriceTicks == current.PriceTicks && order.OrderId < current.OrderId))
            {
                best = index;
            }
        }
        return best;
    }

    private void Add(int slot, ref MarketDataEvent e)
    {
        var side = NextRandom() % 2 == 0 ? Side.Buy : Side.Sell;
        long offset = 1 + (long)(NextRandom() % 5);
        ref var order = ref _liveOrders[(slot * MaxLiveOrdersPerInstrument) + _liveCounts[slot]];
        order.OrderId = _nextOrderId++;
        order.Side = side;
        order.PriceTicks = side == Side.Buy ? _midTicks[slot] - offset : _midTicks[slot] + offset;
        order.Quantity = 100 * (long)(1 + (NextRandom() % 10));
        // The newest order is best only at a strictly better price (the oldest wins a tie).
        ref int best = ref _best[(slot * 2) + (int)side - 1];
        int index = (slot * MaxLiveOrdersPerInstrument) + _liveCounts[slot];
        if (best >= 0 && (side == Side.Buy ? order.PriceTicks > _liveOrders[best].PriceTicks : order.PriceTicks < _liveOrders[best].PriceTicks))
        {
            best = index;
        }
        _liveCounts[slot]++;
        e.Kind = MarketDataKind.Add;
        e.OrderId = order.OrderId;
        e.Side = order.Side;
        e.PriceTicks = order.PriceTicks;
        e.Quantity = order.Quantity;
    }

    /// <summary>
    /// Fills <paramref name="e"/> (all but <see cref="MarketDataEvent.TsRecvNs"/>) with the delete of an order
    /// still live, the newest of the first instrument that has one; false when none is. Called until it
    /// returns false, it empties every book the stream built, so a recording of the stream followed by
    /// these deletes can be replayed again and again.
    /// </summary>
    internal bool NextClosingEvent(ref MarketDataEvent e)
    {
        for (int slot = 0; slot < _liveCounts.Length; slot++)
        {
            if (_liveCounts[slot] > 0)
            {
                Stamp(slot, ref e);
                Delete(slot, (slot * MaxLiveOrdersPerInstrument) + _liveCounts[slot] - 1, ref e);
                return true;
            }
        }
        return false;
    }

    /// <summary>Starts an event of instrument <paramref name="slot"/>: its id, and venue time one step on.</summary>
    private void Stamp(int slot, ref MarketDataEvent e)
    {
        e.InstrumentId = _instrumentIds[slot];
        _venueTimeNs += _venueStepNs;
        e.TsEventNs = _venueTimeNs;
    }

    private void Delete(int slot, int index, ref MarketDataEvent e)
    {
        ref var order = ref _liveOrders[index];
        e.Kind = MarketDataKind.Delete;
        e.OrderId = order.OrderId;
        e.Side = order.Side;
        e.PriceTicks = order.PriceTicks;
        e.Quantity = order.Quantity;
        RemoveLive(slot, index);
    }

    private void Execute(int slot, ref MarketDataEvent e)
    {
        int index = BestLive(slot, NextRandom() % 2 == 0 ? Side.Buy : Side.Sell);
        if (index < 0)
        {
            index = PickLive(slot);
        }
        ref var order = ref _liveOrders[index];
        long executed = Math.Min(order.Quantity, 100 * (long)(1 + (NextRandom() % 3)));
        e.Kind = MarketDataKind.Execute;
        e.OrderId = order.OrderId;
        e.Side = order.Side;
        e.PriceTicks = order.PriceTicks;
        e.Quantity = executed;
        order.Quantity -= executed;
        if (order.Quantity == 0)
        {
            RemoveLive(slot, index);
        }
    }

    private int PickLive(int slot) =>
        (slot * MaxLiveOrdersPerInstrument) + (int)(NextRandom() % (ulong)_liveCounts[slot]);

    private void RemoveLive(int slot, int index)
    {
        int last = (slot * MaxLiveOrdersPerInstrument) + _liveCounts[slot] - 1;
        _liveOrders[index] = _liveOrders[last];
        _liveCounts[slot]--;
        for (int side = 0; side < 2; side++)
        {
            ref int best = ref _best[(slot * 2) + side];
            if (best == index)
            {
                best = -1; // the best order left: scan for the next one when asked
            }
            else if (best == last)
            {
                best = index; // the best order moved into the freed place
            }
        }
    }

    private void Pace(long startTicks, CancellationToken cancellation)
    {
        // Open loop: event n is due at start + n / rate, however late the previous ones were.
        long dueTicks = startTicks + (long)(_published * Stopwatch.Frequency / _rateEventsPerSecond);
        long aheadTicks;
        while ((aheadTicks = dueTicks - Stopwatch.GetTimestamp()) > 0 && !cancellation.IsCancellationRequested)
        {
            if (aheadTicks > Stopwatch.Frequency / 500)
            {
                Thread.Sleep(1);
            }
            else
            {
                Thread.Yield();
            }
        }
    }

    private ulong NextRandom()
    {
        // xorshift64*: fast, allocation-free, and the same stream for the same seed on every machine.
        _random ^= _random >> 12;
        _random ^= _random << 25;
        _random ^= _random >> 27;
        return _random * 0x2545F4914F6CDD1DUL;
    }

    private struct LiveOrder
    {
        public long OrderId;
        public long PriceTicks;
        public long Quantity;
        public Side Side;
    }
}
