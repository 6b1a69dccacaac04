using Engine.Book;
using Engine.Orders;
using Engine.Risk;
using Feeds;

namespace Engine.Strategies;

/// <summary>
/// Quotes one bid and one ask per traded instrument around the microprice, skewed against the
/// position, never crossing the book, within a max position; requotes with a replace when the wanted
/// price has moved far enough, no more often than a minimum interval per side.
/// </summary>
/// <remarks>
/// <para>The rules, on each market event of a traded instrument with a valid, uncrossed two-sided book:
/// centre = microprice - skew x clamp(position / maxPosition, -1, 1) (sub-ticks); wanted bid =
/// floor(centre - halfSpread), wanted ask = ceil(centre + halfSpread), then bid at most best ask - 1
/// and ask at least best bid + 1, then rounded outward (bid down, ask up) to the instrument's price
/// grid. A side is quoted only while a full fill of it keeps |position| within maxPosition (and,
/// while trading is Reducing, only the side that reduces the position; while Halted, nothing). Per
/// side: no order and quoting wanted: a new day limit order; a working order no longer wanted: a
/// cancel; a working order whose price is at least the requote threshold from the wanted one: a replace
/// (<see cref="OrderIntent.ReplacesClientOrderId"/>). Every submission of a side, approved or refused,
/// waits out <see cref="MarketMakerOptions.MinRequoteIntervalMs"/> before the next, which bounds the
/// order rate (validation checks it fits the risk rate limits). Orders waiting for the venue's answer
/// (pending new or cancel) are left alone.</para>
/// <para>Loop thread only; nothing allocates after construction (two quote slots per book).</para>
/// </remarks>
public sealed class MarketMakerStrategy : IStrategy
{
    private readonly bool[] _traded;
    private readonly WorkingQuote[] _bids;
    private readonly WorkingQuote[] _asks;
    private long _quantity;
    private long _halfSpreadSubTicks;
    private long _skewSubTicks;
    private long _maxPosition;
    private long _requoteThresholdTicks;
    private long _minIntervalNs;
    private long _events;

    /// <summary>A market maker for <paramref name="instruments"/> books with <paramref name="options"/> (validated).</summary>
    public MarketMakerStrategy(StrategyOptions options, int instruments)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(instruments);
        _traded = new bool[instruments];
        _bids = new WorkingQuote[instruments];
        _asks = new WorkingQuote[instruments];
        OnParameters(options);
    }

    /// <inheritdoc />
    public string Name => nameof(StrategyKind.MarketMaker);

    /// <summary>The parameters in force (the last reloaded).</summary>
    public MarketMakerOptions Parameters { get; private set; } = null!;

    /// <summary>New orders submitted (approved).</summary>
    public long QuotesSent { get; private set; }

    /// <summary>Replaces submitted (approved).</summary>
    public long Replaces { get; private set; }

    /// <summary>Cancels submitted (approved).</summary>
    public long Cancels { get; private set; }

    /// <summary>Submissions the checks refused.</summary>
    public long Refused { get; private set; }

    /// <summary>Orders the venue rejected.</summary>
    public long VenueRejects { get; private set; }

    /// <summary>Approved orders the router did not send (a replace whose old order was no longer open, a full order table).</summary>
    public long NotSent { get; private set; }

    /// <summary>Fill reports (partial and full) of the strategy's orders.</summary>
    public long Fills { get; private set; }

    /// <summary>Quantity filled.</summary>
    public long FilledQuantity { get; private set; }

    /// <inheritdoc />
    public IReadOnlyList<string> CountNames { get; } = ["quotes_sent", "replaces", "cancels", "refused", "venue_rejects", "not_sent", "fills", "filled_quantity"];

    /// <inheritdoc />
    public void CopyCounts(Span<long> counts)
    {
        counts[0] = QuotesSent;
        counts[1] = Replaces;
        counts[2] = Cancels;
        counts[3] = Refused;
        counts[4] = VenueRejects;
        counts[5] = NotSent;
        counts[6] = Fills;
        counts[7] = FilledQuantity;
    }

    /// <summary>The bid side of <paramref name="instrumentId"/>.</summary>
    public ref readonly WorkingQuote Bid(int instrumentId) => ref _bids[instrumentId];

    /// <summary>The ask side of <paramref name="instrumentId"/>.</summary>
    public ref readonly WorkingQuote Ask(int instrumentId) => ref _asks[instrumentId];

    /// <inheritdoc />
    public void OnStart(StrategyContext context)
    {
    }

    /// <inheritdoc />
    public void OnMarketData(in MarketDataEvent e, StrategyContext context)
    {
        int id = e.InstrumentId;
        if ((uint)id >= (uint)_traded.Length)
        {
            return;
        }
        _events++;
        ref var bid = ref _bids[id];
        ref var ask = ref _asks[id];
        CheckSent(ref bid, context);
        CheckSent(ref ask, context);
        long now = context.NowNs;
        if (!MayAct(in bid, now) && !MayAct(in ask, now))
        {
            // Both sides await the venue or their interval: the common case, so no price is worked out.
            return;
        }
        var book = context.Books[id];
        if (!_traded[id])
        {
            // Dropped by a reload: take its quotes down.
            Manage(ref bid, id, Side.Buy, 0, wanted: false, context);
            Manage(ref ask, id, Side.Sell, 0, wanted: false, context);
            return;
        }
        if (!book.IsValid
            || !book.TryGetBest(Side.Buy, out var bestBid)
            || !book.TryGetBest(Side.Sell, out var bestAsk)
            || bestAsk.PriceTicks <= bestBid.PriceTicks
            || !book.TryGetMicropriceSubTicks(out long micro))
        {
            return;
        }
        long position = context.Positions[id].Quantity;
        long centre = micro - Skew(position);
        long bidPrice = Math.Min(FloorDiv(centre - _halfSpreadSubTicks, OrderBook.SubTicksPerTick), bestAsk.PriceTicks - 1);
        long askPrice = Math.Max(CeilDiv(centre + _halfSpreadSubTicks, OrderBook.SubTicksPerTick), bestBid.PriceTicks + 1);
        bidPrice = context.RoundToPriceGrid(id, bidPrice, up: false);
        askPrice = context.RoundToPriceGrid(id, askPrice, up: true);
        var state = context.TradingState;
        bool bidWanted = bidPrice > 0 && position + _quantity <= _maxPosition
            && (state == TradingState.Active || (state == TradingState.Reducing && position <= -_quantity));
        bool askWanted = position - _quantity >= -_maxPosition
            && (state == TradingState.Active || (state == TradingState.Reducing && position >= _quantity));
        Manage(ref bid, id, Side.Buy, bidPrice, bidWanted, context);
        Manage(ref ask, id, Side.Sell, askPrice, askWanted, context);
    }

    /// <inheritdoc />
    public void OnExecution(in ExecutionReport report, StrategyContext context)
    {
        int id = report.InstrumentId;
        if ((uint)id >= (uint)_traded.Length || report.ClientOrderId == 0)
        {
            return;
        }
        long clientOrderId = report.ClientOrderId;
        ref var bid = ref _bids[id];
        ref var ask = ref _asks[id];
        if (bid.ClientOrderId == clientOrderId)
        {
            OnCurrent(ref bid, in report);
        }
        else if (ask.ClientOrderId == clientOrderId)
        {
            OnCurrent(ref ask, in report);
        }
        else if (bid.ReplacedClientOrderId == clientOrderId)
        {
            OnReplaced(ref bid, in report);
        }
        else if (ask.ReplacedClientOrderId == clientOrderId)
        {
            OnReplaced(ref ask, in report);
        }
    }

    /// <inheritdoc />
    public void OnTimer(StrategyContext context)
    {
    }

    /// <inheritdoc />
    public void OnParameters(StrategyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var mm = options.MarketMaker;
        Parameters = mm;
        _quantity = mm.QuoteQuantity;
        _halfSpreadSubTicks = mm.HalfSpreadTicks * OrderBook.SubTicksPerTick;
        _skewSubTicks = mm.SkewTicks * OrderBook.SubTicksPerTick;
        _maxPosition = mm.MaxPosition;
        _requoteThresholdTicks = mm.RequoteThresholdTicks;
        _minIntervalNs = mm.MinRequoteIntervalMs * 1_000_000L;
        for (int id = 0; id < _traded.Length; id++)
        {
            _traded[id] = options.Trades(id);
        }
    }

    /// <summary>Whether a side could send anything now: no answer awaited and its interval over.</summary>
    private bool MayAct(in WorkingQuote quote, long now) =>
        (quote.State is QuoteState.None or QuoteState.Working) && now - quote.LastSubmitNs >= _minIntervalNs;

    /// <summary>The shift of the centre in sub-ticks: the skew times the position's share of the max position, the sign of the position.</summary>
    private long Skew(long position)
    {
        long clamped = Math.Clamp(position, -_maxPosition, _maxPosition);
        if (clamped == 0)
        {
            return 0;
        }
        // Both factors under 2^31 (skews up to 214,748 ticks, positions up to 2^31): the product fits a long.
        if (_skewSubTicks <= int.MaxValue && clamped is >= int.MinValue and <= int.MaxValue)
        {
            return _skewSubTicks * clamped / _maxPosition;
        }
        return (long)((Int128)_skewSubTicks * clamped / _maxPosition);
    }

    /// <summary>One side: new, cancel or replace, once its interval has passed; nothing while an answer is awaited.</summary>
    private void Manage(ref WorkingQuote quote, int id, Side side, long priceTicks, bool wanted, StrategyContext context)
    {
        long now = context.NowNs;
        if (!MayAct(in quote, now))
        {
            return;
        }
        if (quote.State == QuoteState.None)
        {
            if (wanted)
            {
                Send(ref quote, id, side, priceTicks, now, context);
            }
        }
        else if (!wanted)
        {
            quote.LastSubmitNs = now;
            if (context.Cancel(quote.ClientOrderId, id).Approved)
            {
                quote.State = QuoteState.PendingCancel;
                Cancels++;
            }
            else
            {
                Refused++;
            }
        }
        else if (Math.Abs(priceTicks - quote.PriceTicks) >= _requoteThresholdTicks)
        {
            Send(ref quote, id, side, priceTicks, now, context);
        }
    }

    /// <summary>A new quote, replacing the working one if there is one.</summary>
    private void Send(ref WorkingQuote quote, int id, Side side, long priceTicks, long now, StrategyContext context)
    {
        long replaces = quote.State == QuoteState.Working ? quote.ClientOrderId : 0;
        var intent = new OrderIntent(0, id, side, OrderType.Limit, TimeInForce.Day, _quantity, LimitPriceTicks: priceTicks, ReplacesClientOrderId: replaces);
        quote.LastSubmitNs = now;
        if (!context.Submit(in intent, out long clientOrderId).Approved)
        {
            Refused++;
            return;
        }
        if (replaces != 0)
        {
            quote.ReplacedClientOrderId = replaces;
            Replaces++;
        }
        else
        {
            QuotesSent++;
        }
        quote.ClientOrderId = clientOrderId;
        quote.PriceTicks = priceTicks;
        quote.LeavesQuantity = _quantity;
        quote.State = QuoteState.PendingNew;
        quote.SubmittedAtEvent = _events;
        quote.Seen = false;
    }

    /// <summary>
    /// A pending order the router has had a turn at since it was submitted, but that is neither in its
    /// order table nor reported on, was never sent: forget it (and the order it would have replaced,
    /// which the router found no longer open).
    /// </summary>
    private void CheckSent(ref WorkingQuote quote, StrategyContext context)
    {
        if (quote.State != QuoteState.PendingNew || quote.Seen || quote.SubmittedAtEvent == _events || context.Orders is not { } orders)
        {
            return;
        }
        if (orders.Find(quote.ClientOrderId) >= 0)
        {
            quote.Seen = true;
            return;
        }
        NotSent++;
        quote.ReplacedClientOrderId = 0;
        quote.Clear();
    }

    private void OnCurrent(ref WorkingQuote quote, in ExecutionReport report)
    {
        quote.Seen = true;
        switch (report.Kind)
        {
            case ExecutionKind.Accepted:
                if (quote.State == QuoteState.PendingNew)
                {
                    quote.State = QuoteState.Working;
                }
                break;
            case ExecutionKind.PartialFill:
                CountFill(in report);
                quote.LeavesQuantity = report.LeavesQuantity;
                if (quote.State == QuoteState.PendingNew)
                {
                    quote.State = QuoteState.Working;
                }
                break;
            case ExecutionKind.Fill:
                CountFill(in report);
                quote.Clear();
                break;
            case ExecutionKind.PendingCancel:
                quote.State = QuoteState.PendingCancel;
                break;
            case ExecutionKind.CancelRejected:
                if (quote.State == QuoteState.PendingCancel)
                {
                    quote.State = QuoteState.Working;
                }
                break;
            case ExecutionKind.Rejected:
                VenueRejects++;
                quote.Clear();
                break;
            case ExecutionKind.Canceled or ExecutionKind.Expired or ExecutionKind.Replaced:
                quote.Clear();
                break;
        }
    }

    private void OnReplaced(ref WorkingQuote quote, in ExecutionReport report)
    {
        switch (report.Kind)
        {
            case ExecutionKind.PartialFill:
                CountFill(in report);
                break;
            case ExecutionKind.Fill:
                CountFill(in report);
                quote.ReplacedClientOrderId = 0;
                break;
            case ExecutionKind.Rejected:
                VenueRejects++;
                quote.ReplacedClientOrderId = 0;
                break;
            case ExecutionKind.Canceled or ExecutionKind.Expired or ExecutionKind.Replaced or ExecutionKind.CancelRejected:
                // A cancel refused by the venue means the old order had already ended.
                quote.ReplacedClientOrderId = 0;
                break;
        }
    }

    private void CountFill(in ExecutionReport report)
    {
        Fills++;
        FilledQuantity += report.LastQuantity;
    }

    private static long FloorDiv(long value, long divisor) => value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor);

    private static long CeilDiv(long value, long divisor) => value >= 0 ? (value + divisor - 1) / divisor : -(-value / divisor);
}
