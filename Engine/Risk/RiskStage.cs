using Engine.Book;
using Engine.Pipeline;
using Engine.Positions;
using Engine.Slippage;
using Feeds;

namespace Engine.Risk;

/// <summary>
/// Handler #4 of the chain, after the books: keeps the risk engine's world current and runs the
/// checks on every intent. Market data marks positions to the mid (stops may fire; their closing
/// intents go through the same checks), trades set the reference price, feed and book trouble
/// raise and clear the breaker's causes, and commands kill, resume, restrict or reload. Approved
/// intents are left in <see cref="Approved"/> for the router after it.
/// </summary>
/// <remarks>
/// <para>Loop thread only; allocates nothing after construction. A batch's time (the breaker's tick,
/// and the time the marks, causes and checks carry) is when its first event was published: the
/// producer's stamp, turned into UTC by <see cref="IClock.UtcNsAt"/> without a clock read on the way
/// to the strategy (about 30 ns a batch on the reference VM). It is older than the moment of the
/// check by the event's wait in the ring, microseconds in normal running: the rate limits refill no
/// sooner than they should, and the breaker's timers move by no more than that wait. The clock is
/// read afresh for a stop's closing orders and on commands, which are rare.</para>
/// <para>A stop's close is sent in orders of at most the instrument's largest order (whole lots),
/// less what open orders on the closing side already cover; a refused or partial close leaves the
/// position armed, so the stop sends the rest at the next mark. Marks skip invalid books: a book after a gap says nothing about the price. A book counts
/// toward <see cref="BreakerReason.InvalidBook"/> once it has had an event of its own, so the books of
/// instruments nobody quotes cannot hold the breaker open after a feed-wide gap.</para>
/// </remarks>
public sealed class RiskStage
{
    private readonly OrderBooks _books;
    private readonly PositionTable _positions;
    private readonly RiskEngine _risk;
    private readonly CircuitBreaker _breaker;
    private readonly Mailbox<RiskLimits> _mailbox;
    private readonly IClock _clock;
    private readonly ClosingIntentBuffer _closing;
    private readonly bool[] _invalid;
    private readonly bool[] _seen;
    private readonly long[] _rejectsByReason = new long[Enum.GetValues<RiskRejectReason>().Length];
    private bool _feedStale;
    private bool _inBatch;
    private long _nowNs;

    /// <summary>Wires the stage; <paramref name="positions"/> and <paramref name="risk"/> cover the same instruments as <paramref name="books"/>.</summary>
    public RiskStage(OrderBooks books, PositionTable positions, RiskEngine risk, CircuitBreaker breaker, Mailbox<RiskLimits> mailbox, IClock clock, int maxIntentsPerEvent = 16)
    {
        ArgumentNullException.ThrowIfNull(books);
        ArgumentNullException.ThrowIfNull(clock);
        _books = books;
        _positions = positions;
        _risk = risk;
        _breaker = breaker;
        _mailbox = mailbox;
        _clock = clock;
        _closing = new ClosingIntentBuffer(maxIntentsPerEvent);
        _invalid = new bool[books.Count];
        _seen = new bool[books.Count];
        Approved = new ApprovedOrders(maxIntentsPerEvent);
        _nowNs = clock.UtcNowNs();
    }

    /// <summary>
    /// Builds the stage and what it drives from validated options: positions (one per book, at each
    /// instrument's price scale from <paramref name="risk"/>), breaker, slippage estimator and checks.
    /// </summary>
    public static RiskStage Create(RiskOptions risk, SlippageOptions slippage, PositionsOptions positions, OrderBooks books, Mailbox<RiskLimits> mailbox, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(risk);
        ArgumentNullException.ThrowIfNull(positions);
        ArgumentNullException.ThrowIfNull(books);
        ArgumentNullException.ThrowIfNull(clock);
        int instruments = books.Count;
        long nowNs = clock.UtcNowNs();
        var table = new PositionTable(positions with { Instruments = instruments }, risk.PriceDecimalsOf(instruments), risk.QuantityDecimalsOf(instruments));
        var breaker = new CircuitBreaker(risk.Breaker, nowNs);
        var engine = new RiskEngine(risk, books, table, new SlippageEstimator(slippage, instruments), breaker, nowNs);
        return new RiskStage(books, table, engine, breaker, mailbox, clock);
    }

    /// <summary>The checks, for the strategy and router stages and for tests.</summary>
    public RiskEngine Engine => _risk;

    /// <summary>The positions.</summary>
    public PositionTable Positions => _positions;

    /// <summary>The circuit breaker.</summary>
    public CircuitBreaker Breaker => _breaker;

    /// <summary>What this event's checks approved (the strategy's intents and the stops'), for the router, which empties it.</summary>
    public ApprovedOrders Approved { get; }

    /// <summary>The figures as of the last <see cref="PublishSnapshot"/> (each end of batch), for any thread.</summary>
    public RiskSnapshot Snapshot { get; } = new();

    /// <summary>Books currently invalid.</summary>
    public int InvalidBooks { get; private set; }

    /// <summary>The time the checks use: the publish time of the batch's first event (the clock's, at commands and stops), nanoseconds since the Unix epoch.</summary>
    public long NowNs => _nowNs;

    internal long ApprovedTotal { get; private set; }

    internal long Rejected { get; private set; }

    internal long[] RejectsByReason => _rejectsByReason;

    /// <summary>Handles one inbound event. Loop thread only.</summary>
    public void OnEvent(ref InboundEvent e, bool endOfBatch)
    {
        if (!_inBatch)
        {
            // The first event of a batch: its events are marked and checked at the time it was
            // published (its producer's stamp, as the clock showed then; a simulated clock's now), not
            // at the end of the batch before, which may be a quiet period ago.
            _inBatch = true;
            _nowNs = _clock.UtcNsAt(e.TsPublishTicks);
            _risk.Tick(_nowNs);
        }
        if (e.Kind == InboundKind.MarketData)
        {
            OnMarket(ref e.Market);
        }
        else if (e.Kind == InboundKind.Command)
        {
            OnCommand(e.Command);
        }
        _inBatch = !endOfBatch;
    }

    /// <summary>Copies the live figures to <see cref="Snapshot"/>: at each end of batch, once the event has been through every stage. Loop thread only.</summary>
    public void PublishSnapshot() => Snapshot.Publish(this, _risk, _breaker, _positions.Totals);

    /// <summary>Runs the checks on a strategy's intent and, if approved, hands it to the router. Loop thread only.</summary>
    public RiskDecision Submit(in OrderIntent intent)
    {
        if (!Approved.HasRoom)
        {
            return Refuse(RiskRejectReason.TooManyIntents);
        }
        var decision = _risk.Check(in intent, _nowNs);
        if (!decision.Approved)
        {
            return Refuse(decision.Reason);
        }
        if (decision.IsProbe)
        {
            _breaker.OnProbeSent(_nowNs);
        }
        ApprovedTotal++;
        Approved.Add(in intent, in decision);
        return decision;
    }

    private RiskDecision Refuse(RiskRejectReason reason)
    {
        Rejected++;
        _rejectsByReason[(int)reason]++;
        _breaker.OnReject(_nowNs);
        return new RiskDecision(reason);
    }

    private void OnMarket(ref MarketDataEvent m)
    {
        int id = m.InstrumentId;
        if (m.Kind == MarketDataKind.FeedStatus)
        {
            OnFeedStatus((FeedStatus)m.Status);
        }
        if ((uint)id >= (uint)_books.Count)
        {
            // Feed-wide events (id -1) reach every book; only books that have had data of their own count.
            if (id < 0)
            {
                for (int i = 0; i < _books.Count; i++)
                {
                    if (_seen[i])
                    {
                        TrackValidity(i);
                    }
                }
            }
            return;
        }
        _seen[id] = true;
        if (m.Kind == MarketDataKind.Trade)
        {
            _risk.OnTrade(id, m.PriceTicks);
        }
        if (TrackValidity(id))
        {
            _risk.OnMark(id, _closing, _nowNs);
            if (_closing.Count > 0)
            {
                SubmitClosing();
            }
        }
    }

    /// <summary>Follows a book's validity into the breaker's <see cref="BreakerReason.InvalidBook"/> cause; true when the book is valid.</summary>
    private bool TrackValidity(int id)
    {
        bool invalid = !_books[id].IsValid;
        if (invalid != _invalid[id])
        {
            _invalid[id] = invalid;
            InvalidBooks += invalid ? 1 : -1;
            if (invalid && InvalidBooks == 1)
            {
                _breaker.RaiseCause(BreakerReason.InvalidBook, _nowNs);
            }
            else if (InvalidBooks == 0)
            {
                _breaker.ClearCause(BreakerReason.InvalidBook);
            }
        }
        return !invalid;
    }

    private void OnFeedStatus(FeedStatus status)
    {
        bool stale = status is FeedStatus.Stale or FeedStatus.Disconnected;
        if (stale && !_feedStale)
        {
            _feedStale = true;
            _breaker.RaiseCause(BreakerReason.StaleFeed, _nowNs);
        }
        else if (status == FeedStatus.Connected && _feedStale)
        {
            _feedStale = false;
            _breaker.ClearCause(BreakerReason.StaleFeed);
        }
    }

    private void SubmitClosing()
    {
        _nowNs = _clock.UtcNowNs();
        foreach (ref readonly var close in _closing.Items)
        {
            // What open orders on the closing side do not cover yet, at most one order's worth: the
            // stop stays armed until the whole position has a closing order, so each mark sends the next slice.
            // Orders already covering the position may yet be cancelled, so the stop stays armed then too.
            long quantity = _risk.ClosingQuantity(close.InstrumentId, close.Side);
            long uncovered = close.Quantity - _risk.OpenQuantity(close.InstrumentId, close.Side);
            bool coversAll = false;
            if (quantity > 0)
            {
                var intent = new OrderIntent(0, close.InstrumentId, close.Side, OrderType.Market, TimeInForce.Day, quantity);
                coversAll = Submit(in intent).Approved && quantity == uncovered;
            }
            if (!coversAll)
            {
                _positions.Rearm(close.InstrumentId);
            }
        }
        _closing.Clear();
    }

    private void OnCommand(ControlCommand command)
    {
        _nowNs = _clock.UtcNowNs();
        switch (command)
        {
            case ControlCommand.Kill:
                _breaker.Kill(_nowNs);
                break;
            case ControlCommand.KillAndFlatten:
                _breaker.Kill(_nowNs, KillRequests.CancelAll | KillRequests.Flatten);
                break;
            case ControlCommand.Resume:
                _breaker.Resume(_nowNs);
                break;
            case ControlCommand.ReduceOnly:
                _breaker.ReduceOnly(_nowNs);
                break;
            case ControlCommand.ApplyRiskLimits:
                if (_mailbox.Take() is { } limits)
                {
                    _risk.ApplyLimits(limits, _nowNs);
                }
                break;
        }
    }
}
