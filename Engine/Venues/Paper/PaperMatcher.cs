using Engine.Book;
using Engine.Orders;
using Engine.Ring;
using Engine.Risk;
using Feeds;

namespace Engine.Venues.Paper;

/// <summary>
/// The paper venue's simulated matching engine: orders match against the engine's own books, in
/// venue time, with latency and fees, and every outcome is an <see cref="ExecutionReport"/>.
/// </summary>
/// <remarks>
/// <para>Pure and deterministic: the reports are a function of the sequence of calls alone (no
/// clock, no randomness, no hash-order iteration), so a replay gives the same fills every time.
/// One thread: the loop's, which hands it every market event around the books' update of it
/// (<see cref="BeforeBookUpdate"/>, <see cref="AfterBookUpdate"/>) and every command of the outbound
/// ring (<see cref="OnCommand"/>) in the order they come; alone, <see cref="OnMarket"/> does all three.
/// Everything is allocated in the constructor; no call allocates. Bad input (unknown instrument,
/// quantity &lt;= 0, unsupported type or time in force, duplicate id, unknown cancel, a full pool
/// or queue) is answered with a report and counted, never thrown.</para>
/// <para>The venue clock is the largest <see cref="MarketDataEvent.TsEventNs"/> seen (or the time
/// given to <see cref="AdvanceClock"/>). A command takes effect at <c>OriginEventNs</c> + entry
/// latency; until the clock gets there it is held (first in, first out; never before an earlier
/// command). A report carries the venue time of what it reports and, with a report latency, is
/// published once the clock reaches that time + the latency. Commands and reports that fall due
/// before a market event's time take effect before the event is applied.</para>
/// <code>
/// var matcher = new PaperMatcher(new PaperVenueOptions(), new OrderBooks(new BookOptions { Instruments = 1 }));
/// matcher.OnMarket(ref levelEvent, sink);     // the book: asks 101 x 300, 102 x 500
/// matcher.OnCommand(in buy400Ioc, sink);      // Accepted, PartialFill 300 @101, Fill 100 @102
/// </code>
/// </remarks>
public sealed partial class PaperMatcher
{
    private readonly OrderBooks _books;
    private readonly PaperOrderTable _orders;
    private readonly TakenLiquidityTable _taken;
    private readonly FifoQueue<HeldCommand> _heldCommands;
    private readonly FifoQueue<ExecutionReport> _heldReports;
    private readonly long _entryLatencyNs;
    private readonly long _reportLatencyNs;
    private readonly long _takerFeeCentiBps;
    private readonly long _makerFeeCentiBps;
    private IExecutionSink _sink = null!; // set by every public entry before anything is published
    private long _clockNs = long.MinValue;
    private long _lastCommandDueNs = long.MinValue;
    private MarketChange _change; // what the event between BeforeBookUpdate and AfterBookUpdate does to resting orders

    /// <summary>Builds the matcher over <paramref name="books"/> (the loop's: it reads them, never changes them outside <see cref="OnMarket"/>); throws on options that fail validation.</summary>
    public PaperMatcher(PaperVenueOptions options, OrderBooks books)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(books);
        var errors = new List<string>();
        options.Validate("venues.paper", errors);
        if (errors.Count > 0)
        {
            ThrowHelper.ThrowArgument(nameof(options), string.Join("; ", errors));
        }
        _books = books;
        _orders = new PaperOrderTable(options.MaxRestingOrders, books.Count, options.RememberedFinalOrders);
        _taken = new TakenLiquidityTable(options.MaxTakenLevels, books.Count);
        _heldCommands = new FifoQueue<HeldCommand>(options.MaxHeldCommands);
        _heldReports = new FifoQueue<ExecutionReport>(options.MaxHeldReports);
        _entryLatencyNs = options.EntryLatencyUs * 1_000L;
        _reportLatencyNs = options.ReportLatencyUs * 1_000L;
        _takerFeeCentiBps = options.TakerFeeCentiBps;
        _makerFeeCentiBps = options.MakerFeeCentiBps;
    }

    /// <summary>The books the orders match against (the loop's, in the engine).</summary>
    public OrderBooks Books => _books;

    /// <summary>The venue clock: the latest venue time seen, Unix nanoseconds (<see cref="long.MinValue"/> before any).</summary>
    public long ClockNs => _clockNs;

    /// <summary>Orders resting at the venue.</summary>
    public int RestingOrderCount => _orders.Count;

    /// <summary>Commands waiting out the entry latency.</summary>
    public int HeldCommandCount => _heldCommands.Count;

    /// <summary>Reports waiting out the report latency.</summary>
    public int HeldReportCount => _heldReports.Count;

    /// <summary>The estimated queue ahead of resting order <paramref name="clientOrderId"/> and its unfilled quantity; false if it is not resting.</summary>
    /// <remarks>Loop thread (diagnostics and tests).</remarks>
    public bool TryGetRestingOrder(long clientOrderId, out long aheadQuantity, out long leavesQuantity)
    {
        if (!_orders.TryFindResting(clientOrderId, out int slot))
        {
            aheadQuantity = 0;
            leavesQuantity = 0;
            return false;
        }
        ref var order = ref _orders[slot];
        aheadQuantity = order.AheadQuantity;
        leavesQuantity = order.LeavesQuantity;
        return true;
    }

    /// <summary>
    /// Applies one market-data event to the books and matches it: <see cref="BeforeBookUpdate"/>, the
    /// books' update, <see cref="AfterBookUpdate"/>. For a matcher whose books nothing else updates.
    /// </summary>
    public void OnMarket(ref readonly MarketDataEvent e, IExecutionSink sink)
    {
        BeforeBookUpdate(in e, sink);
        _books.Apply(in e);
        AfterBookUpdate(in e);
    }

    /// <summary>
    /// The first half of a market event, before the books apply it: the held commands and reports due
    /// by its time take effect (against the book as it was), and what the event will change is read.
    /// </summary>
    /// <remarks>Loop thread, just before the books' update of <paramref name="e"/>. Costs a check when the instrument has no resting orders (what the event changes is read only for them).</remarks>
    public void BeforeBookUpdate(ref readonly MarketDataEvent e, IExecutionSink sink)
    {
        _sink = sink;
        AdvanceTo(e.TsEventNs);
        int id = e.InstrumentId;
        if ((uint)id < (uint)_books.Count && _orders.Head(id) >= 0)
        {
            _change = MarketChange.Of(in e, _books[id]);
        }
    }

    /// <summary>
    /// The second half, once the books have applied <paramref name="e"/>: the resting orders of its
    /// instrument that it reaches fill (trades at or through their price, queue ahead cancelled, the
    /// opposite touch crossing them), with the sink <see cref="BeforeBookUpdate"/> was given.
    /// </summary>
    /// <remarks>Loop thread, right after the books' update. Cost, when the instrument has resting orders: a level lookup per order the event may reach.</remarks>
    public void AfterBookUpdate(ref readonly MarketDataEvent e)
    {
        // The books' update changes neither our orders nor what we took: the tables say what the first half saw.
        int id = e.InstrumentId;
        if ((uint)id >= (uint)_books.Count || (_orders.Head(id) < 0 && _taken.CountOf(id) == 0))
        {
            return;
        }
        var book = _books[id];
        _taken.Refresh(id, book);
        if (_orders.Head(id) >= 0)
        {
            MatchResting(id, book, in _change);
        }
    }

    /// <summary>Takes one command of the outbound ring: a new order or a cancel, effective at <c>OriginEventNs</c> + entry latency.</summary>
    /// <remarks>Loop thread. A command already due takes effect at once, at the current venue time; otherwise it is held until a market event or <see cref="AdvanceClock"/> reaches its time.</remarks>
    public void OnCommand(in OrderCommand command, IExecutionSink sink)
    {
        _sink = sink;
        CommandsReceived++;
        long dueNs = Math.Max(SaturatingAdd(command.OriginEventNs, _entryLatencyNs), _lastCommandDueNs);
        if (dueNs <= _clockNs)
        {
            // Nothing is held (a held command is due after the clock, and this one is not before it).
            Execute(in command);
            return;
        }
        if (_heldCommands.IsFull)
        {
            HeldCommandsFull++;
            RefuseCommand(in command, VenueRejectReason.Other);
            return;
        }
        _lastCommandDueNs = dueNs;
        _heldCommands.Enqueue(new HeldCommand { Command = command, DueNs = dueNs });
    }

    /// <summary>Moves the venue clock to <paramref name="venueNs"/> without a market event: held commands and reports due by then take effect.</summary>
    /// <remarks>Loop thread. A time before the clock changes nothing.</remarks>
    public void AdvanceClock(long venueNs, IExecutionSink sink)
    {
        _sink = sink;
        AdvanceTo(venueNs);
    }

    /// <summary>The end of the trading day at venue time <paramref name="venueNs"/>: the clock moves there, then every resting day order expires (<see cref="ExecutionKind.Expired"/> with its leaves); gtc orders stay.</summary>
    /// <remarks>Loop thread. Instruments in id order, each in arrival order.</remarks>
    public void ExpireDayOrders(long venueNs, IExecutionSink sink)
    {
        _sink = sink;
        AdvanceTo(venueNs);
        for (int id = 0; id < _books.Count; id++)
        {
            int slot = _orders.Head(id);
            while (slot >= 0)
            {
                ref var order = ref _orders[slot];
                int next = order.Next;
                if (order.TimeInForce == TimeInForce.Day)
                {
                    OrdersExpired++;
                    Emit(ExecutionKind.Expired, VenueRejectReason.None, in order, 0, 0, 0);
                    _orders.Close(slot);
                }
                slot = next;
            }
        }
    }

    private void AdvanceTo(long venueNs)
    {
        while (_heldCommands.Count > 0 && _heldCommands.Peek().DueNs <= venueNs)
        {
            long dueNs = _heldCommands.Peek().DueNs;
            ReleaseReports(dueNs);
            if (dueNs > _clockNs)
            {
                _clockNs = dueNs;
            }
            var command = _heldCommands.Peek().Command;
            _heldCommands.Dequeue();
            Execute(in command);
        }
        ReleaseReports(venueNs);
        if (venueNs > _clockNs)
        {
            _clockNs = venueNs;
        }
    }

    private void ReleaseReports(long venueNs)
    {
        while (_heldReports.Count > 0 && _heldReports.Peek().VenueTsNs <= venueNs - _reportLatencyNs)
        {
            _sink.Publish(in _heldReports.Peek());
            _heldReports.Dequeue();
        }
    }

    /// <summary>Stamps the report with the venue clock and publishes it now or, with a report latency, holds it.</summary>
    private void Publish(ref ExecutionReport report)
    {
        report.VenueTsNs = _clockNs;
        ReportsPublished++;
        if (_reportLatencyNs == 0)
        {
            _sink.Publish(in report);
            return;
        }
        if (_heldReports.IsFull)
        {
            // Never drop a report: the oldest goes out before its time and the count says so.
            ReportsReleasedEarly++;
            _sink.Publish(in _heldReports.Peek());
            _heldReports.Dequeue();
        }
        _heldReports.Enqueue(in report);
    }

    private static long SaturatingAdd(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;
}
