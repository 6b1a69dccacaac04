using Engine.Book;
using Engine.Numerics;
using Engine.Ring;
using Feeds;

namespace Engine.Positions;

/// <summary>
/// Positions and P&amp;L per instrument, with stop-loss and trailing-stop monitors: fills move the
/// positions, marks (the book mid) revalue them and may emit closing intents.
/// </summary>
/// <remarks>
/// <para>Loop thread only; no locks. Every array is allocated in the constructor and nothing allocates
/// afterwards. A fill costs a few additions and multiplications; a partial close adds one 128-bit division.</para>
/// <para>Units: fill prices in ticks, marks in sub-ticks (<see cref="SubTicksPerTick"/> per tick, the
/// scale of <see cref="OrderBook.TryGetMidSubTicks"/>), quantities in the instrument's units, money in
/// value units = sub-ticks x quantity, held in <see cref="Int128"/>. The cost of the open quantity is
/// kept exactly; the average entry is derived from it. A partial close removes cost in proportion,
/// truncated toward zero, so realised P&amp;L may differ from an exact average-cost model by less
/// than one value unit per partial close, while realised + unrealised is always exact.</para>
/// <para>Value units depend on the instrument's price and quantity decimals, so sums across instruments are kept
/// in cents: each position's money is converted once per change (P&amp;L rounded down, fees and
/// exposure rounded up, so a loss or an exposure is never understated) and the totals are sums of
/// those cents.</para>
/// <para>Stops fire at most once per position: the intent goes into the caller's buffer and the
/// position is disarmed until it goes flat and opens again, or until <see cref="Rearm"/> (say after
/// the risk engine refused the close).</para>
/// </remarks>
public sealed class PositionTable
{
    /// <summary>Sub-ticks per tick: the scale of marks, average entries and money.</summary>
    public const long SubTicksPerTick = OrderBook.SubTicksPerTick;

    /// <summary>Largest price decimals of an instrument.</summary>
    public const int MaxPriceDecimals = 8;

    /// <summary>Largest quantity decimals of an instrument (a cent is then at most 10^18 value units).</summary>
    public const int MaxQuantityDecimals = 8;

    private const int DefaultPriceDecimals = 4;
    private const int BpsPerUnit = 10_000;

    private readonly Position[] _positions;
    private readonly StopRules[] _rules;
    private readonly long _maxPriceTicks;
    private readonly long _maxMarkSubTicks;
    private readonly long _maxPositionQty;
    private readonly long[] _valuePerCent;

    private Int128 _realisedCents;
    private Int128 _unrealisedCents;
    private Int128 _feesCents;
    private Int128 _exposureCents;
    private int _openPositions;

    /// <summary>
    /// Creates the table from validated options, each instrument's price decimals (price =
    /// ticks / 10^decimals dollars; empty: 4 for every instrument, the ITCH scale) and quantity decimals
    /// (quantity = units / 10^decimals; empty: 0, whole units); throws on options that fail validation.
    /// </summary>
    public PositionTable(PositionsOptions options, ReadOnlySpan<int> priceDecimals = default, ReadOnlySpan<int> quantityDecimals = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        options.Validate("positions", errors);
        CheckDecimals("price", priceDecimals, MaxPriceDecimals, options.Instruments, errors);
        CheckDecimals("quantity", quantityDecimals, MaxQuantityDecimals, options.Instruments, errors);
        if (errors.Count > 0)
        {
            ThrowHelper.ThrowArgument(nameof(options), string.Join("; ", errors));
        }
        _valuePerCent = new long[options.Instruments];
        for (int id = 0; id < _valuePerCent.Length; id++)
        {
            // One value unit is a sub-tick (10^-(4 + price decimals) dollars) times a quantity unit
            // (10^-quantity decimals), so a cent is 10^(2 + price decimals + quantity decimals) of them.
            int price = priceDecimals.IsEmpty ? DefaultPriceDecimals : priceDecimals[id];
            int quantity = quantityDecimals.IsEmpty ? 0 : quantityDecimals[id];
            _valuePerCent[id] = (long)Math.Pow(10, 2 + price + quantity);
        }
        _positions = new Position[options.Instruments];
        _rules = new StopRules[options.Instruments];
        Array.Fill(_rules, StopRules.From(options.StopLoss, options.TrailingStop));
        _maxPriceTicks = options.MaxPriceTicks;
        _maxMarkSubTicks = options.MaxPriceTicks * SubTicksPerTick;
        _maxPositionQty = options.MaxPositionQty;
    }

    private static void CheckDecimals(string what, ReadOnlySpan<int> decimals, int max, int instruments, List<string> errors)
    {
        if (!decimals.IsEmpty && decimals.Length != instruments)
        {
            errors.Add($"positions: {decimals.Length} {what} decimals given for {instruments} instruments");
        }
        foreach (int value in decimals)
        {
            if (value < 0 || value > max)
            {
                errors.Add($"positions: {what} decimals {value} is outside 0..{max}");
            }
        }
    }

    /// <summary>Number of instruments (ids 0..n-1).</summary>
    public int Instruments => _positions.Length;

    /// <summary>Fills refused since construction.</summary>
    public long RejectedFills { get; private set; }

    /// <summary>Marks refused since construction.</summary>
    public long RejectedMarks { get; private set; }

    /// <summary>Sum of |quantity| x mark over every position, in cents (what <see cref="Totals"/> holds, without the copy).</summary>
    public Int128 GrossExposureCents => _exposureCents;

    /// <summary>Realised plus unrealised P&amp;L less fees over every position, in cents.</summary>
    public Int128 NetCents => _realisedCents + _unrealisedCents - _feesCents;

    /// <summary>Sums over every position in cents, kept up to date by each fill and mark.</summary>
    public PositionTotals Totals => new(_realisedCents, _unrealisedCents, _feesCents, _exposureCents, _openPositions);

    /// <summary>The position of <paramref name="instrumentId"/>; throws on an unknown id.</summary>
    public ref readonly Position this[int instrumentId] => ref _positions[instrumentId];

    /// <summary>The stop rules of <paramref name="instrumentId"/>.</summary>
    public StopRules GetStopRules(int instrumentId) => _rules[instrumentId];

    /// <summary>
    /// Replaces the stop rules of <paramref name="instrumentId"/> (a per-instrument override): an open
    /// position gets the new stop-loss at once and keeps its ratcheted trailing stop until it next moves.
    /// </summary>
    public void SetStopRules(int instrumentId, StopRules rules)
    {
        _rules[instrumentId] = rules;
        ref var p = ref _positions[instrumentId];
        p.StopLossSubTicks = StopLossLevel(in p, rules);
    }

    /// <summary>Lets the stops of an open position fire again; no effect on a flat one.</summary>
    public void Rearm(int instrumentId)
    {
        ref var p = ref _positions[instrumentId];
        p.Armed = p.Quantity != 0;
    }

    /// <summary>
    /// Applies a fill: <paramref name="quantity"/> at <paramref name="priceTicks"/> on
    /// <paramref name="side"/> (Buy adds, Sell subtracts), paying <paramref name="feeValue"/> value units
    /// (negative for a rebate). Reducing and flipping fills realise P&amp;L against the average entry.
    /// </summary>
    /// <returns><see cref="PositionError.None"/>, or why the fill was refused (and counted, not applied).</returns>
    public PositionError ApplyFill(int instrumentId, Side side, long quantity, long priceTicks, long feeValue)
    {
        var error = CheckFill(instrumentId, side, quantity, priceTicks);
        if (error != PositionError.None)
        {
            RejectedFills++;
            return error;
        }
        ref var p = ref _positions[instrumentId];
        long signed = side == Side.Buy ? quantity : -quantity;
        long priceSubTicks = priceTicks * SubTicksPerTick;
        long before = p.Quantity;

        if (before == 0 || (before > 0) == (signed > 0))
        {
            p.CostValue += (Int128)signed * priceSubTicks;
        }
        else
        {
            Reduce(ref p, signed, priceSubTicks);
        }
        p.Quantity = before + signed;
        p.FeesValue += feeValue;
        if (p.MarkSubTicks == 0)
        {
            p.MarkSubTicks = priceSubTicks;
        }
        p.UnrealisedValue = (Int128)p.Quantity * p.MarkSubTicks - p.CostValue;
        var rules = _rules[instrumentId];
        UpdateLifecycle(ref p, before, priceSubTicks, rules);
        p.StopLossSubTicks = StopLossLevel(in p, rules);

        long perCent = _valuePerCent[instrumentId];
        Int128 realisedCents = FixedPoint.DivideFloor(p.RealisedValue, perCent);
        Int128 feesCents = FixedPoint.DivideCeiling(p.FeesValue, perCent);
        _realisedCents += realisedCents - p.RealisedCents;
        _feesCents += feesCents - p.FeesCents;
        p.RealisedCents = realisedCents;
        p.FeesCents = feesCents;
        RevalueMark(ref p, perCent);
        _openPositions += (p.Quantity != 0 ? 1 : 0) - (before != 0 ? 1 : 0);
        return PositionError.None;
    }

    /// <summary>
    /// Marks <paramref name="instrumentId"/> at <paramref name="midSubTicks"/> (call on each book update
    /// of it), ratchets its trailing stop and, when a stop fires, adds one closing intent to
    /// <paramref name="intents"/>. Sends nothing.
    /// </summary>
    /// <returns><see cref="PositionError.None"/>, or why the mark was refused (and counted, not applied).</returns>
    public PositionError Mark(int instrumentId, long midSubTicks, ClosingIntentBuffer intents)
    {
        ArgumentNullException.ThrowIfNull(intents);
        if ((uint)instrumentId >= (uint)_positions.Length)
        {
            RejectedMarks++;
            return PositionError.UnknownInstrument;
        }
        if (midSubTicks < 1 || midSubTicks > _maxMarkSubTicks)
        {
            RejectedMarks++;
            return PositionError.PriceOutOfRange;
        }
        ref var p = ref _positions[instrumentId];
        p.MarkSubTicks = midSubTicks;
        if (p.Quantity == 0)
        {
            // Flat: no cost, so nothing to revalue and no stop to run.
            return PositionError.None;
        }
        p.UnrealisedValue = (Int128)p.Quantity * midSubTicks - p.CostValue;
        RevalueMark(ref p, _valuePerCent[instrumentId]);
        var rules = _rules[instrumentId];
        Ratchet(ref p, midSubTicks, rules);
        if (p.Armed)
        {
            CheckStops(ref p, instrumentId, midSubTicks, rules, intents);
        }
        return PositionError.None;
    }

    private PositionError CheckFill(int instrumentId, Side side, long quantity, long priceTicks)
    {
        if ((uint)instrumentId >= (uint)_positions.Length)
        {
            return PositionError.UnknownInstrument;
        }
        if (side is not (Side.Buy or Side.Sell))
        {
            return PositionError.InvalidSide;
        }
        if (quantity < 1)
        {
            return PositionError.InvalidQuantity;
        }
        if (priceTicks < 1 || priceTicks > _maxPriceTicks)
        {
            return PositionError.PriceOutOfRange;
        }
        // Both are at most 10^15, so the sum cannot overflow once quantity is below 2 x 10^15.
        if (quantity > 2 * _maxPositionQty)
        {
            return PositionError.PositionOutOfRange;
        }
        long after = _positions[instrumentId].Quantity + (side == Side.Buy ? quantity : -quantity);
        return Math.Abs(after) > _maxPositionQty ? PositionError.PositionOutOfRange : PositionError.None;
    }

    /// <summary>A fill against the position: close up to all of it, then open the rest the other way.</summary>
    private static void Reduce(ref Position p, long signed, long priceSubTicks)
    {
        long held = Math.Abs(p.Quantity);
        long closing = Math.Min(Math.Abs(signed), held);
        Int128 removed = closing == held ? p.CostValue : ProportionalCost(p.CostValue, closing, held);
        // Closing a long sells `closing` at the price; closing a short buys it back.
        Int128 proceeds = (Int128)(p.Quantity > 0 ? closing : -closing) * priceSubTicks;
        p.RealisedValue += proceeds - removed;
        p.CostValue -= removed;
        long opening = Math.Abs(signed) - closing;
        if (opening > 0)
        {
            p.CostValue = (Int128)(signed > 0 ? opening : -opening) * priceSubTicks;
        }
    }

    /// <summary>cost x part / whole truncated toward zero, without forming cost x part (which could pass 128 bits).</summary>
    private static Int128 ProportionalCost(Int128 cost, long part, long whole)
    {
        // Fast path: realistic costs fit 64 bits and so does their product with part; a 64-bit
        // division is much cheaper than the 128-bit one below (see PERFORMANCE.md, positions).
        if (cost >= long.MinValue && cost <= long.MaxValue)
        {
            long high = Math.BigMul((long)cost, part, out long low);
            if (high == (low >> 63))
            {
                return low / whole;
            }
        }
        var (quotient, remainder) = Int128.DivRem(cost, whole);
        // Quotient and remainder share cost's sign, so truncating the remainder's share truncates the whole.
        return quotient * part + remainder * part / whole;
    }

    /// <summary>Starts the stops when a position opens (from flat or by a flip) and clears them when it goes flat.</summary>
    private static void UpdateLifecycle(ref Position p, long before, long priceSubTicks, StopRules rules)
    {
        bool opened = p.Quantity != 0 && (before == 0 || (before > 0) != (p.Quantity > 0));
        if (opened)
        {
            p.BestSubTicks = priceSubTicks;
            p.TrailingStopSubTicks = TrailingLevel(p.Quantity > 0, priceSubTicks, rules);
            p.Armed = true;
        }
        else if (p.Quantity == 0)
        {
            p.BestSubTicks = 0;
            p.TrailingStopSubTicks = 0;
            p.Armed = false;
        }
    }

    /// <summary>Moves the best price and the trailing stop toward the market, never away.</summary>
    private static void Ratchet(ref Position p, long midSubTicks, StopRules rules)
    {
        bool isLong = p.Quantity > 0;
        if (isLong ? midSubTicks <= p.BestSubTicks : midSubTicks >= p.BestSubTicks)
        {
            return;
        }
        p.BestSubTicks = midSubTicks;
        long level = TrailingLevel(isLong, midSubTicks, rules);
        if (rules.TrailingMode != TrailingStopMode.Off && (p.TrailingStopSubTicks == 0 || (isLong ? level > p.TrailingStopSubTicks : level < p.TrailingStopSubTicks)))
        {
            p.TrailingStopSubTicks = level;
        }
    }

    /// <summary>The trailing-stop price for a best price; the offset is truncated, so the stop sits at or inside the exact level.</summary>
    private static long TrailingLevel(bool isLong, long bestSubTicks, StopRules rules)
    {
        long offset = rules.TrailingMode switch
        {
            // best x bps / 10^4 without forming best x bps (best is up to 10^16).
            TrailingStopMode.Percent => (bestSubTicks / BpsPerUnit * rules.TrailingOffsetBps) + (bestSubTicks % BpsPerUnit * rules.TrailingOffsetBps / BpsPerUnit),
            TrailingStopMode.Absolute => rules.TrailingOffsetSubTicks,
            _ => -1,
        };
        if (offset < 0)
        {
            return 0;
        }
        return isLong ? Math.Max(bestSubTicks - offset, 0) : bestSubTicks + offset;
    }

    /// <summary>
    /// The mark in sub-ticks at which the loss reaches the stop-loss, exactly: the loss condition
    /// (cost - mark x qty) x 10^4 >= |cost| x bps solved for the integer mark, rounded toward the
    /// entry. Computed on fills so a mark compares two longs. 0 when flat or off.
    /// </summary>
    private static long StopLossLevel(in Position p, StopRules rules)
    {
        if (p.Quantity == 0 || rules.StopLossBps == 0)
        {
            return 0;
        }
        Int128 cost = Int128.Abs(p.CostValue);
        Int128 held = (Int128)Math.Abs(p.Quantity) * BpsPerUnit;
        if (p.Quantity > 0)
        {
            // mark x qty x 10^4 <= cost x (10^4 - bps): the largest such mark.
            return (long)(cost * (BpsPerUnit - rules.StopLossBps) / held);
        }
        // mark x qty x 10^4 >= cost x (10^4 + bps): the smallest such mark.
        var (quotient, remainder) = Int128.DivRem(cost * (BpsPerUnit + rules.StopLossBps), held);
        return (long)(remainder == 0 ? quotient : quotient + 1);
    }

    private static void CheckStops(ref Position p, int instrumentId, long midSubTicks, StopRules rules, ClosingIntentBuffer intents)
    {
        bool isLong = p.Quantity > 0;
        bool stopLoss = p.StopLossSubTicks != 0 && (isLong ? midSubTicks <= p.StopLossSubTicks : midSubTicks >= p.StopLossSubTicks);
        bool trailing = p.TrailingStopSubTicks != 0 && (isLong ? midSubTicks <= p.TrailingStopSubTicks : midSubTicks >= p.TrailingStopSubTicks);
        if (!stopLoss && !trailing)
        {
            return;
        }
        var intent = new ClosingIntent(instrumentId, isLong ? Side.Sell : Side.Buy, Math.Abs(p.Quantity), stopLoss ? ClosingReason.StopLoss : ClosingReason.TrailingStop);
        if (intents.TryAdd(in intent))
        {
            p.Armed = false;
        }
    }

    /// <summary>Converts what a mark moves (unrealised P&amp;L, exposure) to cents and carries the change into the totals.</summary>
    private void RevalueMark(ref Position p, long perCent)
    {
        Int128 unrealisedCents = FixedPoint.DivideFloor(p.UnrealisedValue, perCent);
        Int128 exposureCents = FixedPoint.DivideCeiling((Int128)Math.Abs(p.Quantity) * p.MarkSubTicks, perCent);
        _unrealisedCents += unrealisedCents - p.UnrealisedCents;
        _exposureCents += exposureCents - p.ExposureCents;
        p.UnrealisedCents = unrealisedCents;
        p.ExposureCents = exposureCents;
    }
}
