namespace Engine.Risk;

/// <summary>One instrument's <see cref="RiskInstrumentOptions"/> converted once to the integers the checks use.</summary>
internal readonly struct InstrumentRules
{
    public InstrumentRules(RiskInstrumentOptions options)
    {
        Tradable = options.Tradable;
        TicksPerDollar = Pow10(options.PriceDecimals);
        QuantityScale = Pow10(options.QuantityDecimals);
        int decimals = options.PriceDecimals + options.QuantityDecimals;
        UnitTicksPerCent = decimals >= 2 ? Pow10(decimals - 2) : 0;
        // The sub-penny rule in ticks: 2 decimals at or above $1, 4 below; a coarser tick satisfies it anyway.
        PennyStepTicks = options.SubPennyRule ? Pow10(Math.Max(0, options.PriceDecimals - 2)) : 1;
        SubPennyStepTicks = options.SubPennyRule ? Pow10(Math.Max(0, options.PriceDecimals - 4)) : 1;
        MinPriceIncrementTicks = options.MinPriceIncrementTicks;
        PennyGridTicks = Lcm(MinPriceIncrementTicks, PennyStepTicks);
        SubPennyGridTicks = Lcm(MinPriceIncrementTicks, SubPennyStepTicks);
        LotSize = options.LotSize;
        PriceCollarBps = options.PriceCollarBps;
        MaxOrderQuantity = options.MaxOrderQuantity;
        MaxOrderNotionalCents = options.MaxOrderNotionalCents;
        MaxPositionQuantity = options.MaxPositionQuantity;
    }

    public bool Tradable { get; }

    public long TicksPerDollar { get; }

    /// <summary>Quantity units in one whole unit (a share, a coin): 10^quantity decimals.</summary>
    public long QuantityScale { get; }

    /// <summary>Quantity units x ticks in a cent when price and quantity decimals add up to two or more (1 for whole shares priced in cents); 0 below two.</summary>
    public long UnitTicksPerCent { get; }

    public long PennyStepTicks { get; }

    public long SubPennyStepTicks { get; }

    public long MinPriceIncrementTicks { get; }

    /// <summary>The step of valid prices at or above one dollar: the tick and the penny step together.</summary>
    public long PennyGridTicks { get; }

    /// <summary>The step of valid prices below one dollar: the tick and the sub-penny step together.</summary>
    public long SubPennyGridTicks { get; }

    public long LotSize { get; }

    public long PriceCollarBps { get; }

    public long MaxOrderQuantity { get; }

    public long MaxOrderNotionalCents { get; }

    public long MaxPositionQuantity { get; }

    /// <summary>Whether <paramref name="priceTicks"/> (positive) is on the tick and obeys the sub-penny rule.</summary>
    public RiskRejectReason CheckPriceGrid(long priceTicks)
    {
        // Steps of one tick (the usual tick size, and the sub-penny rule at two decimals) need no division.
        if (MinPriceIncrementTicks != 1 && priceTicks % MinPriceIncrementTicks != 0)
        {
            return RiskRejectReason.PriceOffTick;
        }
        long step = priceTicks >= TicksPerDollar ? PennyStepTicks : SubPennyStepTicks;
        return step == 1 || priceTicks % step == 0 ? RiskRejectReason.None : RiskRejectReason.SubPenny;
    }

    /// <summary>
    /// The nearest price on the grid <see cref="CheckPriceGrid"/> accepts, at or below
    /// <paramref name="priceTicks"/> (or at or above it with <paramref name="up"/>): the tick and, at
    /// the price's side of one dollar, the sub-penny step. The step is that of the price given.
    /// </summary>
    public long RoundToGrid(long priceTicks, bool up)
    {
        long step = priceTicks >= TicksPerDollar ? PennyGridTicks : SubPennyGridTicks;
        if (step == 1)
        {
            return priceTicks;
        }
        long off = ((priceTicks % step) + step) % step;
        return !up || off == 0 ? priceTicks - off : priceTicks - off + step;
    }

    /// <summary>The notional of <paramref name="quantity"/> at <paramref name="priceTicks"/> in cents, rounded up, clamped to 0..long.MaxValue.</summary>
    public long NotionalCents(long quantity, long priceTicks)
    {
        if (quantity <= 0 || priceTicks <= 0)
        {
            return 0;
        }
        // Common case: both fit in 31 bits, so the product fits a long and one 64-bit division does
        // (none for whole shares at two decimals, where a tick is a cent).
        if (UnitTicksPerCent > 0 && (ulong)quantity < (1UL << 31) && (ulong)priceTicks < (1UL << 31))
        {
            long ticks = quantity * priceTicks;
            return UnitTicksPerCent == 1 ? ticks : (ticks + UnitTicksPerCent - 1) / UnitTicksPerCent;
        }
        return WideNotionalCents(quantity, priceTicks);
    }

    private long WideNotionalCents(long quantity, long priceTicks)
    {
        Int128 unitTicksPerDollar = (Int128)TicksPerDollar * QuantityScale;
        Int128 cents = (((Int128)quantity * priceTicks * 100) + unitTicksPerDollar - 1) / unitTicksPerDollar;
        return cents > long.MaxValue ? long.MaxValue : (long)cents;
    }

    private static long Lcm(long a, long b)
    {
        long x = a;
        long y = b;
        while (y != 0)
        {
            (x, y) = (y, x % y);
        }
        return a / x * b;
    }

    private static long Pow10(int exponent)
    {
        long value = 1;
        for (int i = 0; i < exponent; i++)
        {
            value *= 10;
        }
        return value;
    }
}
