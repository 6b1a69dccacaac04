using Engine.Book;
using Engine.Ring;
using Engine.Slippage;
using Feeds;

namespace Engine.Risk;

/// <summary>
/// The pre-trade risk checks: every order intent passes them in the order and the first
/// failure is the decision. Cancels pass the trading state and are limited only by their own rate.
/// </summary>
/// <remarks>
/// <para>Loop thread only; no locks. Every array is allocated in the constructor and
/// <see cref="Check"/> allocates nothing. It reads the book mid (or the last trade), the breaker and,
/// for market and limit orders, one slippage walk.</para>
/// <para>The checks: (1) trading state through <see cref="CircuitBreaker.Admit"/>; (2) order validity;
/// (3) price collar around the reference price (mid, else last trade); (4) order quantity and notional;
/// (5) the position projected as if this order and every open order on its side filled; (6) gross
/// exposure: positions valued at their last fill price, plus the notional of every open order, plus
/// this order (an upper bound, since it never nets an order against a position); (7) open orders and
/// engaged instruments (with a position or open orders); (8) the submit and cancel token buckets;
/// (9) estimated slippage. Daily loss (10) trips the breaker elsewhere and shows here as (1).</para>
/// <para>The caller keeps the open-order state true: <see cref="OnOrderAccepted"/> when the venue
/// takes an approved order, <see cref="OnFill"/> for each fill and <see cref="OnOrderClosed"/> when
/// the rest of an order is cancelled, expired or rejected. An approved order takes its submit token
/// only when approved.</para>
/// <code>
/// RiskDecision d = risk.Check(in intent, nowNs);
/// if (d.Approved) { send(intent); risk.OnOrderAccepted(intent.InstrumentId, intent.Side, intent.Quantity, d.NotionalCents); }
/// else { log(RiskMessages.Describe(d.Reason)); }   // off the loop
/// </code>
/// </remarks>
public sealed partial class RiskEngine
{
    private readonly OrderBooks _books;
    private readonly SlippageEstimator _slippage;
    private readonly CircuitBreaker _breaker;
    private readonly InstrumentRules[] _rules;
    private readonly InstrumentExposure[] _exposure;
    private readonly long _maxGrossNotionalCents;
    private readonly int _maxOpenOrders;
    private readonly int _maxOpenPositions;
    private readonly long _maxSlippageCentiBps;
    private TokenBucket _submits;
    private TokenBucket _cancels;
    private long _positionExposureCents;
    private long _openNotionalCents;

    /// <summary>Builds the checks over <paramref name="books"/> (one per instrument id) from validated options; throws on options that fail validation.</summary>
    public RiskEngine(RiskOptions options, OrderBooks books, SlippageEstimator slippage, CircuitBreaker breaker, long nowNs)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(books);
        ArgumentNullException.ThrowIfNull(slippage);
        ArgumentNullException.ThrowIfNull(breaker);
        var errors = new List<string>();
        options.Validate("risk", errors);
        foreach (var entry in options.Instruments)
        {
            if (entry.InstrumentId >= books.Count)
            {
                errors.Add($"risk.instruments: instrument id {entry.InstrumentId} has no book (ids 0..{books.Count - 1})");
            }
        }
        if (errors.Count > 0)
        {
            ThrowHelper.ThrowArgument(nameof(options), string.Join("; ", errors));
        }
        _books = books;
        _slippage = slippage;
        _breaker = breaker;
        _rules = new InstrumentRules[books.Count];
        Array.Fill(_rules, new InstrumentRules(options.Defaults));
        foreach (var entry in options.Instruments)
        {
            _rules[entry.InstrumentId] = new InstrumentRules(entry);
        }
        _exposure = new InstrumentExposure[books.Count];
        _maxGrossNotionalCents = options.MaxGrossNotionalCents;
        _maxOpenOrders = options.MaxOpenOrders;
        _maxOpenPositions = options.MaxOpenPositions;
        _maxSlippageCentiBps = options.MaxSlippageBps * 100L;
        _submits = new TokenBucket(options.SubmitBurst, options.SubmitsPerSecond, nowNs);
        _cancels = new TokenBucket(options.CancelBurst, options.CancelsPerSecond, nowNs);
    }

    /// <summary>Open orders across all instruments.</summary>
    public int OpenOrders { get; private set; }

    /// <summary>Instruments with a position or open orders (what <see cref="RiskOptions.MaxOpenPositions"/> limits).</summary>
    public int EngagedInstruments { get; private set; }

    /// <summary>Gross exposure: positions at their last fill price plus every open order's notional, in cents.</summary>
    public long GrossExposureCents => _positionExposureCents + _openNotionalCents;

    /// <summary>The risk engine's view of one instrument: position and open quantities.</summary>
    public InstrumentExposure this[int instrumentId] => _exposure[instrumentId];

    /// <summary>Runs the checks on <paramref name="intent"/> at <paramref name="nowNs"/>, stopping at the first failure. O(1) plus one slippage walk; no allocation.</summary>
    public RiskDecision Check(in OrderIntent intent, long nowNs)
    {
        if (intent.IsCancel)
        {
            return _cancels.TryTake(nowNs) ? default : new RiskDecision(RiskRejectReason.CancelRate);
        }
        int id = intent.InstrumentId;
        if ((uint)id >= (uint)_rules.Length)
        {
            return Admission(_breaker.Admit(false, false, intent.Quantity, 0), RiskRejectReason.UnknownInstrument);
        }
        ref readonly InstrumentRules rules = ref _rules[id];
        ref readonly InstrumentExposure exposure = ref _exposure[id];
        long referenceSubTicks = ReferenceSubTicks(id);
        long notionalCents = rules.NotionalCents(intent.Quantity, ValuationPriceTicks(in intent, referenceSubTicks));
        var admission = _breaker.Admit(false, exposure.Reduces(intent.Side, intent.Quantity), intent.Quantity, notionalCents);
        bool isProbe = admission == AdmissionReason.AdmittedAsProbe;
        RiskRejectReason reason = AdmissionToReason(admission);
        if (reason == RiskRejectReason.None)
        {
            reason = OrderValidity.Check(in intent, in rules);
        }
        if (reason == RiskRejectReason.None)
        {
            reason = CheckCollar(in intent, in rules, referenceSubTicks);
        }
        if (reason == RiskRejectReason.None)
        {
            reason = CheckLimits(in intent, in rules, in exposure, notionalCents, nowNs);
        }
        if (reason == RiskRejectReason.None)
        {
            reason = CheckSlippage(in intent, id);
        }
        if (reason != RiskRejectReason.None)
        {
            return new RiskDecision(reason);
        }
        _submits.TryTake(nowNs);
        return new RiskDecision(RiskRejectReason.None, isProbe, notionalCents);
    }

    /// <summary>Records the last trade price of an instrument: the reference price when its book has no mid.</summary>
    public void OnTrade(int instrumentId, long priceTicks) => _exposure[instrumentId].LastTradeTicks = priceTicks;

    /// <summary>An approved order is now open: its quantity and notional count toward the projections.</summary>
    public void OnOrderAccepted(int instrumentId, Side side, long quantity, long notionalCents)
    {
        ref var e = ref _exposure[instrumentId];
        if (!e.IsEngaged)
        {
            EngagedInstruments++;
        }
        e.OpenOrders++;
        e.AddOpen(side, quantity);
        OpenOrders++;
        _openNotionalCents += notionalCents;
    }

    /// <summary>
    /// A fill of <paramref name="quantity"/> at <paramref name="priceTicks"/> of an open order: moves the
    /// position, releases <paramref name="releasedNotionalCents"/> of the order's notional, and when
    /// <paramref name="orderDone"/> the order is no longer open.
    /// </summary>
    public void OnFill(int instrumentId, Side side, long quantity, long priceTicks, long releasedNotionalCents, bool orderDone)
    {
        ref var e = ref _exposure[instrumentId];
        bool wasEngaged = e.IsEngaged;
        e.AddOpen(side, -quantity);
        e.Position += side == Side.Buy ? quantity : -quantity;
        _openNotionalCents -= releasedNotionalCents;
        if (orderDone)
        {
            e.OpenOrders--;
            OpenOrders--;
        }
        long valued = _rules[instrumentId].NotionalCents(Math.Abs(e.Position), priceTicks);
        _positionExposureCents += valued - e.PositionExposureCents;
        e.PositionExposureCents = valued;
        EngagedInstruments += (e.IsEngaged ? 1 : 0) - (wasEngaged ? 1 : 0);
    }

    /// <summary>The unfilled rest of an open order (<paramref name="remainingQuantity"/>, <paramref name="remainingNotionalCents"/>) was cancelled, expired or rejected.</summary>
    public void OnOrderClosed(int instrumentId, Side side, long remainingQuantity, long remainingNotionalCents)
    {
        ref var e = ref _exposure[instrumentId];
        bool wasEngaged = e.IsEngaged;
        e.AddOpen(side, -remainingQuantity);
        e.OpenOrders--;
        OpenOrders--;
        _openNotionalCents -= remainingNotionalCents;
        EngagedInstruments += (e.IsEngaged ? 1 : 0) - (wasEngaged ? 1 : 0);
    }

}
