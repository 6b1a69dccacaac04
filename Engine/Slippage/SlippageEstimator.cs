using Engine.Book;
using Engine.Numerics;
using Feeds;

namespace Engine.Slippage;

/// <summary>
/// Estimates what an order would cost against an instrument's current book: it walks the levels of
/// the side the order takes from, best first, and prices what the displayed depth cannot fill with a
/// square-root market-impact model.
/// </summary>
/// <remarks>
/// <para>
/// Loop thread only (it reads the book). Allocates nothing after construction; cost is a few
/// nanoseconds per level walked plus, when the model is used, one integer square root (a handful of
/// 64-bit divisions). All arithmetic is integer: prices in ticks and sub-ticks
/// (<see cref="OrderBook.SubTicksPerTick"/> per tick), sums and products in <see cref="Int128"/>.
/// </para>
/// <para>
/// A limit order counts only its marketable part: the walk stops at the first level worse than the
/// limit, and what it could not fill would rest, so it is unfilled and never modelled. A market
/// order that runs out of displayed levels (an L1 book has one a side) has its remainder priced by
/// the model from the last level's price: the remainder's average price moves against the order by
/// <c>coefficient x dailyVolatility x sqrt(remainder / averageDailyVolume)</c> of that price (a sell's
/// never below 0; the move is capped at 100 times the price).
/// </para>
/// <para>
/// Rounding is always against the order, so the estimate never understates the cost: the ratio
/// remainder/ADV and its square root are rounded up (the root to 1e-9, or to 1e-6 relative when the
/// ratio exceeds 18), the model's price move is rounded up to a sub-tick, the average price up for a
/// buy and down for a sell, and slippage in hundredths of a bp up.
/// </para>
/// <para>
/// Supported range: quantities 1..<see cref="MaxQuantity"/> and prices 1..<see cref="MaxPriceTicks"/>
/// ticks. An order outside it (or with a side other than buy or sell, or an instrument id without
/// parameters) gets the empty result (nothing requested, nothing priced); a level priced outside it
/// ends the displayed depth.
/// </para>
/// <code>
/// var estimator = new SlippageEstimator(new SlippageOptions(), instruments: 16);
/// SlippageResult r = estimator.EstimateMarket(book, instrumentId: 3, Side.Buy, quantity: 500);
/// if (r.SlippageVsMidCentiBps > 5_000) { /* over 50 bps */ }
/// </code>
/// </remarks>
public sealed class SlippageEstimator
{
    /// <summary>Largest quantity the estimator prices.</summary>
    public const long MaxQuantity = 1_000_000_000_000;

    /// <summary>Largest level or limit price, in ticks, the estimator prices.</summary>
    public const long MaxPriceTicks = 1_000_000_000_000;

    // The model's price move is price x (coefficientMilli x volatilityBps / 1e7) x (sqrtBillionths / 1e9):
    // the product of the two scaled integers is the move as a fraction of the price, times 1e16.
    private const long FractionScale = 10_000_000_000_000_000;
    private const long MaxFraction = 100 * FractionScale;

    private readonly long[] _impactScale;
    private readonly long[] _averageDailyVolume;

    /// <summary>Converts validated <paramref name="options"/> to per-instrument parameters for ids 0..<paramref name="instruments"/>-1.</summary>
    /// <exception cref="ArgumentException">The options do not validate, or an entry names an id of <paramref name="instruments"/> or more.</exception>
    public SlippageEstimator(SlippageOptions options, int instruments)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(instruments, 1);
        var errors = new List<string>();
        options.Validate("slippage", errors, instruments);
        if (errors.Count > 0)
        {
            Ring.ThrowHelper.ThrowArgument(nameof(options), string.Join("; ", errors));
        }
        _impactScale = new long[instruments];
        _averageDailyVolume = new long[instruments];
        for (int id = 0; id < instruments; id++)
        {
            Set(id, options.Defaults);
        }
        foreach (var entry in options.Instruments)
        {
            Set(entry.InstrumentId, entry.ResolveAgainst(options.Defaults));
        }
    }

    /// <summary>Instrument ids with parameters: 0..n-1.</summary>
    public int Instruments => _impactScale.Length;

    /// <summary>Estimates a market order of <paramref name="quantity"/> on <paramref name="side"/> (buy takes asks, sell takes bids).</summary>
    public SlippageResult EstimateMarket(OrderBook book, int instrumentId, Side side, long quantity) =>
        Estimate(book, instrumentId, side, quantity, hasLimit: false, limitPriceTicks: 0);

    /// <summary>Estimates the marketable part of a limit order: levels at or better than <paramref name="limitPriceTicks"/>.</summary>
    public SlippageResult EstimateLimit(OrderBook book, int instrumentId, Side side, long quantity, long limitPriceTicks) =>
        (ulong)(limitPriceTicks - 1) < MaxPriceTicks
            ? Estimate(book, instrumentId, side, quantity, hasLimit: true, limitPriceTicks)
            : default;

    private void Set(int id, ImpactModelOptions model)
    {
        _impactScale[id] = (long)model.ImpactCoefficientMilli * model.DailyVolatilityBps;
        _averageDailyVolume[id] = model.AverageDailyVolume;
    }

    private SlippageResult Estimate(OrderBook book, int instrumentId, Side side, long quantity, bool hasLimit, long limitPriceTicks)
    {
        ArgumentNullException.ThrowIfNull(book);
        if ((ulong)(quantity - 1) >= MaxQuantity || side is not (Side.Buy or Side.Sell) || (uint)instrumentId >= (uint)_impactScale.Length)
        {
            return default;
        }
        bool isBuy = side == Side.Buy;
        Side takeFrom = isBuy ? Side.Sell : Side.Buy;
        Int128 notionalTicks = 0;
        long remaining = quantity;
        long touchTicks = 0;
        long lastTicks = 0;
        int levels = 0;
        bool stoppedByLimit = false;
        while (remaining > 0 && book.TryGetLevel(takeFrom, levels, out var level))
        {
            long price = level.PriceTicks;
            if ((ulong)(price - 1) >= MaxPriceTicks)
            {
                break;
            }
            if (hasLimit && (isBuy ? price > limitPriceTicks : price < limitPriceTicks))
            {
                stoppedByLimit = true;
                if (levels == 0)
                {
                    touchTicks = price;
                }
                break;
            }
            long take = Math.Min(remaining, level.Quantity);
            notionalTicks += Math.BigMul(price, take);
            remaining -= take;
            lastTicks = price;
            if (levels == 0)
            {
                touchTicks = price;
            }
            levels++;
        }
        bool insufficient = remaining > 0 && !stoppedByLimit;
        long modelled = insufficient && !hasLimit && lastTicks > 0 ? remaining : 0;
        Int128 notionalSubTicks = notionalTicks * OrderBook.SubTicksPerTick;
        if (modelled > 0)
        {
            notionalSubTicks += Math.BigMul(ModelPriceSubTicks(instrumentId, lastTicks, modelled, isBuy), modelled);
        }
        long priced = quantity - remaining + modelled;
        long average = 0;
        long vsTouch = 0;
        long vsMid = 0;
        bool hasMid = book.TryGetMidSubTicks(out long mid) && mid > 0;
        if (priced > 0)
        {
            if (levels == 1 && modelled == 0)
            {
                // All from the touch (the usual order): its price, no worse than the touch, no division.
                average = touchTicks * OrderBook.SubTicksPerTick;
            }
            else
            {
                average = (long)(isBuy ? FixedPoint.DivideCeiling(notionalSubTicks, priced) : FixedPoint.DivideFloor(notionalSubTicks, priced));
                vsTouch = AdverseCentiBps(average, touchTicks * OrderBook.SubTicksPerTick, isBuy);
            }
            vsMid = hasMid ? AdverseCentiBps(average, mid, isBuy) : 0;
        }
        return new SlippageResult
        {
            RequestedQuantity = quantity,
            FilledQuantity = quantity - remaining,
            ModelledQuantity = modelled,
            LevelsConsumed = levels,
            InsufficientLiquidity = insufficient,
            TouchPriceTicks = touchTicks,
            AveragePriceSubTicks = average,
            SlippageVsTouchCentiBps = vsTouch,
            HasMid = hasMid,
            SlippageVsMidCentiBps = vsMid,
        };
    }

    /// <summary>How much worse than <paramref name="referenceSubTicks"/> (positive) the average is for the order, in hundredths of a bp, rounded up.</summary>
    private static long AdverseCentiBps(long averageSubTicks, long referenceSubTicks, bool isBuy)
    {
        long adverse = isBuy ? averageSubTicks - referenceSubTicks : referenceSubTicks - averageSubTicks;
        return (long)FixedPoint.DivideCeiling(Math.BigMul(adverse, SlippageResult.CentiBpsPerUnit), referenceSubTicks);
    }

    /// <summary>The model's average price, in sub-ticks, for <paramref name="quantity"/> traded beyond the displayed depth from <paramref name="fromPriceTicks"/>.</summary>
    private long ModelPriceSubTicks(int instrumentId, long fromPriceTicks, long quantity, bool isBuy)
    {
        ulong root = SqrtRatioBillionths(quantity, _averageDailyVolume[instrumentId]);
        Int128 fraction = Int128.Min((Int128)_impactScale[instrumentId] * root, MaxFraction);
        // price x SubTicksPerTick x fraction / FractionScale, rounded up; SubTicksPerTick / FractionScale = 1 / 1e12.
        long move = (long)FixedPoint.DivideCeiling(fraction * fromPriceTicks, FractionScale / OrderBook.SubTicksPerTick);
        long from = fromPriceTicks * OrderBook.SubTicksPerTick;
        return isBuy ? from + move : Math.Max(0, from - move);
    }

    /// <summary>ceil(sqrt(quantity / averageDailyVolume) x 1e9), in the finest of three scales whose scaled ratio fits 64 bits.</summary>
    internal static ulong SqrtRatioBillionths(long quantity, long averageDailyVolume)
    {
        // Ratio x 1e18 fits while the ratio is under 18.4; then x 1e12 (under 1.8e7); x 1e6 always
        // fits because quantity is at most 1e12. The root keeps 9 digits, or at least 7 significant ones.
        Int128 ratio = FixedPoint.DivideCeiling((Int128)quantity * 1_000_000_000_000_000_000, averageDailyVolume);
        if (ratio <= ulong.MaxValue)
        {
            return FixedPoint.SqrtCeiling((ulong)ratio);
        }
        ratio = FixedPoint.DivideCeiling((Int128)quantity * 1_000_000_000_000, averageDailyVolume);
        if (ratio <= ulong.MaxValue)
        {
            return FixedPoint.SqrtCeiling((ulong)ratio) * 1_000;
        }
        return FixedPoint.SqrtCeiling((ulong)FixedPoint.DivideCeiling((Int128)quantity * 1_000_000, averageDailyVolume)) * 1_000_000;
    }
}
