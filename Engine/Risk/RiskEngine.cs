using Engine.Book;
using Engine.Positions;
using Engine.Ring;
using Engine.Slippage;
using Feeds;

namespace Engine.Risk;

/// <summary>
/// The pre-trade risk checks: every order intent passes them in the order and the first
/// failure is the decision. Cancels pass the trading state and are limited only by their own rate.
/// </summary>
/// <remarks>
/// <para>Loop thread only; no locks. Every array is allocated in the constructor (or, for a reload,
/// in <see cref="RiskLimits.Build"/> off the loop) and nothing here allocates afterwards. A check reads
/// the book mid (or the last trade), the positions, the breaker and, for market and limit orders, one
/// slippage walk.</para>
/// <para>The checks: (1) trading state through <see cref="CircuitBreaker.Admit"/>; (2) order validity;
/// (3) price collar around the reference price (mid, else last trade); (4) order quantity and notional;
/// (5) the position projected as if this order and every open order on its side filled; (6) gross
/// exposure: positions marked to mid, plus the notional of every open order, plus this order (an upper
/// bound, since it never nets an order against a position); (7) open orders and engaged instruments
/// (with a position or open orders); (8) the submit and cancel token buckets (a replace needs a
/// token from each); (9) estimated slippage;
/// (10) daily loss, evaluated whenever P&amp;L moves (<see cref="OnFill"/>, <see cref="OnMark"/>,
/// <see cref="ApplyLimits"/>): below minus the limit it raises <see cref="BreakerReason.DailyLoss"/> on
/// the breaker, which every later order meets as check (1).</para>
/// <para>Positions live in the <see cref="PositionTable"/> alone; fills reach it only through
/// <see cref="OnFill"/>, which also keeps the open-order state. The caller reports the rest of an
/// order's life: <see cref="OnOrderAccepted"/> when the venue takes an approved order and
/// <see cref="OnOrderClosed"/> when the rest of it is cancelled, expired or rejected.</para>
/// <code>
/// RiskDecision d = risk.Check(in intent, nowNs);
/// if (d.Approved) { send(intent); risk.OnOrderAccepted(intent.InstrumentId, intent.Side, intent.Quantity, d.NotionalCents); }
/// else { log(RiskMessages.Describe(d.Reason)); }   // off the loop
/// </code>
/// </remarks>
public sealed partial class RiskEngine
{
    private readonly OrderBooks _books;
    private readonly PositionTable _positions;
    private readonly SlippageEstimator _slippage;
    private readonly CircuitBreaker _breaker;
    private readonly InstrumentExposure[] _exposure;
    private RiskLimits _limits;
    // The limits' fields, copied so every check reads them without the extra hop.
    private InstrumentRules[] _rules;
    private long _maxGrossNotionalCents;
    private int _maxOpenOrders;
    private int _maxOpenPositions;
    private long _maxSlippageCentiBps;
    private TokenBucket _submits;
    private TokenBucket _cancels;
    private long _openNotionalCents;
    private Int128 _dayStartNetCents;
    private long _sessionsSeen;
    private bool _dailyLossRaised;

    /// <summary>Builds the checks over <paramref name="books"/> and <paramref name="positions"/> (one per instrument id) from validated options; throws on options that fail validation.</summary>
    public RiskEngine(RiskOptions options, OrderBooks books, PositionTable positions, SlippageEstimator slippage, CircuitBreaker breaker, long nowNs)
    {
        ArgumentNullException.ThrowIfNull(books);
        ArgumentNullException.ThrowIfNull(positions);
        ArgumentNullException.ThrowIfNull(slippage);
        ArgumentNullException.ThrowIfNull(breaker);
        if (positions.Instruments != books.Count)
        {
            ThrowHelper.ThrowArgument(nameof(positions), $"{positions.Instruments} positions for {books.Count} books");
        }
        _limits = Use(RiskLimits.Build(options, books.Count));
        _books = books;
        _positions = positions;
        _slippage = slippage;
        _breaker = breaker;
        _exposure = new InstrumentExposure[books.Count];
        _submits = new TokenBucket(_limits.SubmitBurst, _limits.SubmitsPerSecond, nowNs);
        _cancels = new TokenBucket(_limits.CancelBurst, _limits.CancelsPerSecond, nowNs);
        _sessionsSeen = breaker.DailyResets;
        _dayStartNetCents = positions.NetCents;
    }

    /// <summary>The limits in force.</summary>
    public RiskLimits Limits => _limits;

    /// <summary>Open orders across all instruments.</summary>
    public int OpenOrders { get; private set; }

    /// <summary>Instruments with a position or open orders (what <see cref="RiskOptions.MaxOpenPositions"/> limits).</summary>
    public int EngagedInstruments { get; private set; }

    /// <summary>Gross exposure: positions marked to mid plus every open order's notional, in cents.</summary>
    public Int128 GrossExposureCents => _positions.GrossExposureCents + _openNotionalCents;

    /// <summary>Net P&amp;L (realised plus unrealised less fees) since the session start, in cents.</summary>
    public Int128 DailyPnlCents => _positions.NetCents - _dayStartNetCents;

    /// <summary>Times a reload replaced the limits.</summary>
    public long LimitReloads { get; private set; }

    /// <summary>The risk engine's view of one instrument's orders: open quantities and last trade.</summary>
    public InstrumentExposure this[int instrumentId] => _exposure[instrumentId];

    /// <summary>Runs the checks on <paramref name="intent"/> at <paramref name="nowNs"/>, stopping at the first failure. O(1) plus one slippage walk; no allocation.</summary>
    public RiskDecision Check(in OrderIntent intent, long nowNs)
    {
        if (intent.IsCancel)
        {
            return _cancels.TryTake(nowNs) ? default : new RiskDecision(RiskRejectReason.CancelRate);
        }
        int id = intent.InstrumentId;
        var allRules = _rules;
        if ((uint)id >= (uint)allRules.Length)
        {
            return Admission(_breaker.Admit(false, false, intent.Quantity, 0), RiskRejectReason.UnknownInstrument);
        }
        ref readonly InstrumentRules rules = ref allRules[id];
        ref readonly InstrumentExposure exposure = ref _exposure[id];
        long position = _positions[id].Quantity;
        long referenceSubTicks = ReferenceSubTicks(id);
        long notionalCents = rules.NotionalCents(intent.Quantity, ValuationPriceTicks(in intent, referenceSubTicks));
        var admission = _breaker.Admit(false, exposure.Reduces(position, intent.Side, intent.Quantity), intent.Quantity, notionalCents);
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
            reason = CheckLimits(in intent, in rules, in exposure, position, notionalCents, nowNs);
        }
        long estimatedSubTicks = 0;
        if (reason == RiskRejectReason.None)
        {
            reason = CheckSlippage(in intent, id, out estimatedSubTicks);
        }
        if (reason != RiskRejectReason.None)
        {
            return new RiskDecision(reason);
        }
        _submits.TryTake(nowNs);
        if (intent.IsReplace)
        {
            _cancels.TryTake(nowNs);
        }
        return new RiskDecision(RiskRejectReason.None, isProbe, notionalCents, referenceSubTicks, estimatedSubTicks);
    }

    /// <summary>Advances the breaker's clock; at a session start the daily P&amp;L starts again from zero. Once per loop cycle.</summary>
    public void Tick(long nowNs)
    {
        _breaker.Tick(nowNs);
        if (_breaker.DailyResets != _sessionsSeen)
        {
            _sessionsSeen = _breaker.DailyResets;
            _dayStartNetCents = _positions.NetCents;
            _dailyLossRaised = false;
        }
    }

    /// <summary>Records the last trade price of an instrument: the reference price when its book has no mid.</summary>
    public void OnTrade(int instrumentId, long priceTicks) => _exposure[instrumentId].LastTradeTicks = priceTicks;

    /// <summary>
    /// Marks the position of <paramref name="instrumentId"/> to its book's mid, or without a mid to its
    /// last trade (call after each book update or trade of it), adds any stop that fires to
    /// <paramref name="closingIntents"/> and checks the daily loss. No price, or the price of the last
    /// mark, changes nothing: most order-book events move no touch, so stops and the daily loss are
    /// evaluated when the price moves.
    /// </summary>
    public PositionError OnMark(int instrumentId, ClosingIntentBuffer closingIntents, long nowNs)
    {
        long mid = ReferenceSubTicks(instrumentId);
        if (mid <= 0 || mid == _positions[instrumentId].MarkSubTicks)
        {
            return PositionError.None;
        }
        var error = _positions.Mark(instrumentId, mid, closingIntents);
        if (_positions[instrumentId].Quantity != 0)
        {
            CheckDailyLoss(nowNs);
        }
        return error;
    }

    /// <summary>Unfilled quantity of the open orders on <paramref name="side"/> of <paramref name="instrumentId"/>.</summary>
    public long OpenQuantity(int instrumentId, Side side) =>
        side == Side.Buy ? _exposure[instrumentId].OpenBuyQuantity : _exposure[instrumentId].OpenSellQuantity;

    /// <summary>
    /// The quantity a close of <paramref name="instrumentId"/>'s position on <paramref name="side"/> may
    /// send now: the position less what open orders on that side already cover, at most the
    /// instrument's largest order, in whole lots; 0 when nothing is left to close.
    /// </summary>
    public long ClosingQuantity(int instrumentId, Side side)
    {
        ref readonly var rules = ref _rules[instrumentId];
        long left = Math.Abs(_positions[instrumentId].Quantity) - OpenQuantity(instrumentId, side);
        long quantity = Math.Min(left, rules.MaxOrderQuantity);
        return quantity <= 0 ? 0 : quantity - (quantity % rules.LotSize);
    }

    /// <summary>An approved order is now open: its quantity and notional count toward the projections.</summary>
    public void OnOrderAccepted(int instrumentId, Side side, long quantity, long notionalCents)
    {
        ref var e = ref _exposure[instrumentId];
        bool wasEngaged = IsEngaged(instrumentId);
        e.OpenOrders++;
        e.AddOpen(side, quantity);
        OpenOrders++;
        _openNotionalCents += notionalCents;
        EngagedInstruments += wasEngaged ? 0 : 1;
    }

    /// <summary>
    /// A fill of an open order: moves the position in the <see cref="PositionTable"/>, releases
    /// <paramref name="releasedNotionalCents"/> of the order's notional, and when
    /// <paramref name="orderDone"/> the order is no longer open. Then checks the daily loss.
    /// </summary>
    /// <returns>What the position table said; a refused fill leaves the position alone but still closes the order's share.</returns>
    public PositionError OnFill(in Fill fill, long releasedNotionalCents, bool orderDone, long nowNs)
    {
        int id = fill.InstrumentId;
        if ((uint)id >= (uint)_exposure.Length)
        {
            return _positions.ApplyFill(id, fill.Side, fill.Quantity, fill.PriceTicks, fill.FeeValue); // refused and counted as UnknownInstrument
        }
        ref var e = ref _exposure[id];
        bool wasEngaged = IsEngaged(id);
        var error = _positions.ApplyFill(id, fill.Side, fill.Quantity, fill.PriceTicks, fill.FeeValue);
        e.AddOpen(fill.Side, -fill.Quantity);
        _openNotionalCents -= releasedNotionalCents;
        if (orderDone)
        {
            e.OpenOrders--;
            OpenOrders--;
        }
        EngagedInstruments += (IsEngaged(id) ? 1 : 0) - (wasEngaged ? 1 : 0);
        CheckDailyLoss(nowNs);
        return error;
    }

    /// <summary>The unfilled rest of an open order (<paramref name="remainingQuantity"/>, <paramref name="remainingNotionalCents"/>) was cancelled, expired or rejected.</summary>
    public void OnOrderClosed(int instrumentId, Side side, long remainingQuantity, long remainingNotionalCents)
    {
        ref var e = ref _exposure[instrumentId];
        bool wasEngaged = IsEngaged(instrumentId);
        e.AddOpen(side, -remainingQuantity);
        e.OpenOrders--;
        OpenOrders--;
        _openNotionalCents -= remainingNotionalCents;
        EngagedInstruments += (IsEngaged(instrumentId) ? 1 : 0) - (wasEngaged ? 1 : 0);
    }

    /// <summary>
    /// Puts reloaded limits in force (built off the loop by <see cref="RiskLimits.Build"/> for the same
    /// instruments): the buckets keep their tokens up to their new capacity, and a lower daily-loss limit
    /// is checked at once. Open orders and positions are untouched.
    /// </summary>
    public void ApplyLimits(RiskLimits limits, long nowNs)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (limits.Instruments != _exposure.Length)
        {
            ThrowHelper.ThrowArgument(nameof(limits), $"limits for {limits.Instruments} instruments, engine has {_exposure.Length}");
        }
        _limits = Use(limits);
        _submits = _submits.WithRate(limits.SubmitBurst, limits.SubmitsPerSecond, nowNs);
        _cancels = _cancels.WithRate(limits.CancelBurst, limits.CancelsPerSecond, nowNs);
        LimitReloads++;
        CheckDailyLoss(nowNs);
    }

    /// <summary>The first broken invariant of the open-order and engagement counts, or null. For tests; allocates.</summary>
    internal string? FindInvariantViolation()
    {
        int openOrders = 0, engaged = 0;
        for (int id = 0; id < _exposure.Length; id++)
        {
            ref readonly var e = ref _exposure[id];
            if (e.OpenOrders < 0 || e.OpenBuyQuantity < 0 || e.OpenSellQuantity < 0)
            {
                return $"instrument {id}: negative open state {e}";
            }
            openOrders += e.OpenOrders;
            engaged += IsEngaged(id) ? 1 : 0;
        }
        if (openOrders != OpenOrders)
        {
            return $"open orders {OpenOrders}, instruments sum to {openOrders}";
        }
        if (engaged != EngagedInstruments)
        {
            return $"engaged instruments {EngagedInstruments}, instruments say {engaged}";
        }
        return _openNotionalCents < 0 ? $"open notional {_openNotionalCents} is negative" : null;
    }

    [System.Diagnostics.CodeAnalysis.MemberNotNull(nameof(_rules))]
    private RiskLimits Use(RiskLimits limits)
    {
        _rules = limits.Rules;
        _maxGrossNotionalCents = limits.MaxGrossNotionalCents;
        _maxOpenOrders = limits.MaxOpenOrders;
        _maxOpenPositions = limits.MaxOpenPositions;
        _maxSlippageCentiBps = limits.MaxSlippageCentiBps;
        return limits;
    }

    private bool IsEngaged(int instrumentId) => _positions[instrumentId].Quantity != 0 || _exposure[instrumentId].OpenOrders != 0;

    /// <summary>Check 10: raises the daily-loss cause once per session when the day's P&amp;L is below minus the limit.</summary>
    private void CheckDailyLoss(long nowNs)
    {
        if (!_dailyLossRaised && DailyPnlCents < -_limits.MaxDailyLossCents)
        {
            _dailyLossRaised = true;
            _breaker.RaiseCause(BreakerReason.DailyLoss, nowNs);
        }
    }
}
