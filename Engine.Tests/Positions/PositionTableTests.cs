using Engine.Book;
using Engine.Positions;
using Feeds;

namespace Engine.Tests.Positions;

/// <summary>
/// P&amp;L against hand-computed cases. Money is in value units, sub-ticks x quantity: 1 tick on 1
/// unit is 10,000 units, so (exit - entry) ticks x quantity x 10^4 is the realised P&amp;L.
/// </summary>
public sealed class PositionTableTests
{
    private const long SubTicks = PositionTable.SubTicksPerTick;

    private static PositionTable NewTable(int instruments = 3, long maxPositionQty = 1_000_000) =>
        new(new PositionsOptions { Instruments = instruments, MaxPositionQty = maxPositionQty });

    private static void Fill(PositionTable table, int id, Side side, long quantity, long priceTicks, long fee = 0) =>
        Assert.That(table.ApplyFill(id, side, quantity, priceTicks, fee), Is.EqualTo(PositionError.None));

    [Test]
    public void ApplyFill_Open_SetsQuantityCostAverageAndFees()
    {
        var table = NewTable();

        Fill(table, 0, Side.Buy, 100, 1_000, fee: 50);

        ref readonly var p = ref table[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(p.Quantity, Is.EqualTo(100));
            Assert.That(p.CostValue, Is.EqualTo((Int128)1_000_000_000));
            Assert.That(p.AverageEntrySubTicks, Is.EqualTo(1_000 * SubTicks));
            Assert.That(p.RealisedValue, Is.EqualTo(Int128.Zero));
            Assert.That(p.FeesValue, Is.EqualTo((Int128)50));
            Assert.That(p.MarkSubTicks, Is.EqualTo(1_000 * SubTicks), "before any mid, the fill price is the mark");
            Assert.That(p.UnrealisedValue, Is.EqualTo(Int128.Zero));
            // Totals are in cents: with 4 price decimals a cent is 10^6 value units; fees round up.
            Assert.That(table.Totals, Is.EqualTo(new PositionTotals(0, 0, 1, 1_000, 1)));
        }
    }

    [Test]
    public void ApplyFill_FractionalQuantities_MoneyInCentsOfWholeCoins()
    {
        // XBT/CHF as Kraken sends it: prices of 5 decimals, volumes in 10^-8 of a coin.
        var table = new PositionTable(new PositionsOptions { Instruments = 1 }, [5], [8]);
        var intents = new ClosingIntentBuffer(1);

        Fill(table, 0, Side.Buy, 50_000_000, 5_621_840_000, fee: 0); // 0.5 XBT at 56,218.40000
        Assert.That(table.Mark(0, 5_630_000_000L * SubTicks, intents), Is.EqualTo(PositionError.None)); // mid 56,300.00000
        var marked = table.Totals;
        Fill(table, 0, Side.Sell, 20_000_000, 5_630_000_000); // 0.2 XBT out at the mid

        using (Assert.EnterMultipleScope())
        {
            // 0.5 x 81.60 = 40.80 CHF unrealised on 0.5 x 56,300 = 28,150.00 of exposure.
            Assert.That(marked, Is.EqualTo(new PositionTotals(0, 4_080, 0, 2_815_000, 1)));
            // 0.2 x 81.60 = 16.32 realised; 0.3 x 81.60 = 24.48 still open on 16,890.00.
            Assert.That(table.Totals, Is.EqualTo(new PositionTotals(1_632, 2_448, 0, 1_689_000, 1)));
        }
    }

    [Test]
    public void ApplyFill_OpenAddPartialCloseFullClose_RealisesAgainstTheAverageEntry()
    {
        var table = NewTable();

        Fill(table, 0, Side.Buy, 100, 1_000, fee: 10);
        Fill(table, 0, Side.Buy, 50, 1_030, fee: 5);
        // Average (100 x 1000 + 50 x 1030) / 150 = 1010 ticks.
        Assert.That(table[0].AverageEntrySubTicks, Is.EqualTo(1_010 * SubTicks));

        Fill(table, 0, Side.Sell, 60, 1_040, fee: 6);
        // (1040 - 1010) x 60 = 1800 tick-units.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(table[0].Quantity, Is.EqualTo(90));
            Assert.That(table[0].RealisedValue, Is.EqualTo((Int128)(1_800 * SubTicks)));
            Assert.That(table[0].AverageEntrySubTicks, Is.EqualTo(1_010 * SubTicks), "a reduction leaves the average alone");
        }

        Fill(table, 0, Side.Sell, 90, 1_000, fee: 9);
        // (1000 - 1010) x 90 = -900 tick-units; 1800 - 900 = 900 in all.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(table[0].Quantity, Is.Zero);
            Assert.That(table[0].CostValue, Is.EqualTo(Int128.Zero));
            Assert.That(table[0].AverageEntrySubTicks, Is.Zero);
            Assert.That(table[0].RealisedValue, Is.EqualTo((Int128)(900 * SubTicks)));
            Assert.That(table[0].FeesValue, Is.EqualTo((Int128)30));
            Assert.That(table[0].UnrealisedValue, Is.EqualTo(Int128.Zero));
            // 900 tick-units = 9 cents at 4 price decimals; 30 value units of fees round up to a cent.
            Assert.That(table.Totals, Is.EqualTo(new PositionTotals(9, 0, 1, 0, 0)));
            Assert.That(table.Totals.NetCents, Is.EqualTo((Int128)8));
        }
    }

    [Test]
    public void ApplyFill_FlipLongToShortInOneFill_RealisesTheLongAndOpensTheRestAtTheFillPrice()
    {
        var table = NewTable();
        Fill(table, 0, Side.Buy, 100, 1_000);

        Fill(table, 0, Side.Sell, 150, 990);

        ref readonly var p = ref table[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(p.Quantity, Is.EqualTo(-50));
            Assert.That(p.RealisedValue, Is.EqualTo((Int128)(-10 * 100 * SubTicks)));
            Assert.That(p.CostValue, Is.EqualTo((Int128)(-50 * 990 * SubTicks)));
            Assert.That(p.AverageEntrySubTicks, Is.EqualTo(990 * SubTicks));
            Assert.That(p.BestSubTicks, Is.EqualTo(990 * SubTicks), "a flip opens a new position");
            Assert.That(table.Totals.OpenPositions, Is.EqualTo(1));
        }

        // Short 50 at 990, buy back 20 at 980: +10 x 20.
        Fill(table, 0, Side.Buy, 20, 980);
        Assert.That(table[0].RealisedValue, Is.EqualTo((Int128)((-1_000 + 200) * SubTicks)));
    }

    [Test]
    public void ApplyFill_FlipShortToLongInOneFill_RealisesTheShort()
    {
        var table = NewTable();
        Fill(table, 1, Side.Sell, 10, 500);

        Fill(table, 1, Side.Buy, 25, 490);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(table[1].Quantity, Is.EqualTo(15));
            Assert.That(table[1].RealisedValue, Is.EqualTo((Int128)(10 * 10 * SubTicks)));
            Assert.That(table[1].AverageEntrySubTicks, Is.EqualTo(490 * SubTicks));
        }
    }

    [Test]
    public void ApplyFill_PartialCloseOfRepeatingAverage_TruncatesRealisedAndKeepsTheTotalExact()
    {
        var table = NewTable();
        Fill(table, 0, Side.Buy, 1, 100);
        Fill(table, 0, Side.Buy, 2, 101);
        // Cost 3,020,000 over 3: the average 1,006,666.67 sub-ticks is truncated in the view.
        Assert.That(table[0].AverageEntrySubTicks, Is.EqualTo(1_006_666));

        Fill(table, 0, Side.Sell, 1, 101);
        // Exactly 3,333.33; the removed cost 1,006,666 is truncated, so realised is 3,334.
        Assert.That(table[0].RealisedValue, Is.EqualTo((Int128)3_334));

        Fill(table, 0, Side.Sell, 2, 101);
        // The whole trip: 3 x 101 - 302 = 1 tick-unit, exactly.
        Assert.That(table[0].RealisedValue, Is.EqualTo((Int128)SubTicks));
    }

    [Test]
    public void ApplyFill_NegativeFee_CountsAsARebate()
    {
        var table = NewTable();

        Fill(table, 0, Side.Buy, 10, 100, fee: -7_000_000);

        Assert.That(table[0].FeesValue, Is.EqualTo((Int128)(-7_000_000)));
        Assert.That(table.Totals.FeesCents, Is.EqualTo((Int128)(-7)));
    }

    [Test]
    public void Mark_LongAndShortOnSeveralInstruments_MarksEachToItsMidAndSumsTotals()
    {
        var table = NewTable();
        var intents = new ClosingIntentBuffer(4);
        Fill(table, 0, Side.Buy, 100, 1_000, fee: 3);
        Fill(table, 1, Side.Buy, 100, 1_000);
        Fill(table, 1, Side.Sell, 150, 990, fee: 4);
        Fill(table, 2, Side.Buy, 5, 200);
        Fill(table, 2, Side.Sell, 5, 210);

        Assert.That(table.Mark(0, 10_055_000, intents), Is.EqualTo(PositionError.None));
        Assert.That(table.Mark(1, 9_850_000, intents), Is.EqualTo(PositionError.None));

        using (Assert.EnterMultipleScope())
        {
            // Long 100 from 1000 at 1005.5: +5.5 x 100 ticks.
            Assert.That(table[0].UnrealisedValue, Is.EqualTo((Int128)5_500_000));
            // Short 50 from 990 at 985: +5 x 50 ticks.
            Assert.That(table[1].UnrealisedValue, Is.EqualTo((Int128)2_500_000));
            Assert.That(table[2].UnrealisedValue, Is.EqualTo(Int128.Zero));
            // In cents (10^6 value units), each position rounded on its own before the sum: realised
            // -10 (instrument 1) + 0.5 -> 0 (instrument 2); unrealised 5.5 -> 5 and 2.5 -> 2; fees 3 and 4
            // value units -> 1 cent each; exposure 1005.5 -> 1006 and 492.5 -> 493.
            Assert.That(table.Totals, Is.EqualTo(new PositionTotals(
                RealisedCents: -10,
                UnrealisedCents: 7,
                FeesCents: 2,
                GrossExposureCents: 1_499,
                OpenPositions: 2)));
            Assert.That(intents.Count, Is.Zero);
        }
    }

    [Test]
    public void Mark_BookMid_MarksHalfTicks()
    {
        var book = new OrderBook(new BookOptions { Instruments = 1, MaxOrders = 4, MaxLevelsPerSide = 4 });
        var bid = new MarketDataEvent { Kind = MarketDataKind.LevelSet, Side = Side.Buy, PriceTicks = 1_000, Quantity = 5 };
        var ask = bid with { Side = Side.Sell, PriceTicks = 1_001 };
        book.Apply(ref bid);
        book.Apply(ref ask);
        var table = NewTable();
        Fill(table, 0, Side.Sell, 10, 1_002);

        Assert.That(book.TryGetMidSubTicks(out long mid), Is.True);
        table.Mark(0, mid, new ClosingIntentBuffer(1));

        // Short 10 from 1002 at 1000.5: +1.5 x 10 ticks.
        Assert.That(table[0].UnrealisedValue, Is.EqualTo((Int128)150_000));
    }

    [Test]
    public void Mark_FlatPosition_OnlyRemembersTheMark()
    {
        var table = NewTable();

        table.Mark(0, 5_000_000, new ClosingIntentBuffer(1));

        Assert.That(table[0].MarkSubTicks, Is.EqualTo(5_000_000));
        Assert.That(table.Totals, Is.EqualTo(default(PositionTotals)));
    }

    [TestCase(3, Side.Buy, 1L, 100L, PositionError.UnknownInstrument)]
    [TestCase(-1, Side.Buy, 1L, 100L, PositionError.UnknownInstrument)]
    [TestCase(0, Side.None, 1L, 100L, PositionError.InvalidSide)]
    [TestCase(0, Side.Buy, 0L, 100L, PositionError.InvalidQuantity)]
    [TestCase(0, Side.Buy, 1L, 0L, PositionError.PriceOutOfRange)]
    [TestCase(0, Side.Buy, 1L, 1_000_000_000_001L, PositionError.PriceOutOfRange)] // above the default positions.maxPriceTicks, 10^12
    [TestCase(0, Side.Sell, 111L, 100L, PositionError.PositionOutOfRange)]
    [TestCase(0, Side.Buy, long.MaxValue, 100L, PositionError.PositionOutOfRange)]
    public void ApplyFill_BadFill_IsRefusedCountedAndNotApplied(int id, Side side, long quantity, long priceTicks, PositionError expected)
    {
        var table = NewTable(maxPositionQty: 100);
        Fill(table, 0, Side.Buy, 10, 100);
        var before = table.Totals;

        var error = table.ApplyFill(id, side, quantity, priceTicks, 1);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error, Is.EqualTo(expected));
            Assert.That(table.RejectedFills, Is.EqualTo(1));
            Assert.That(table.Totals, Is.EqualTo(before));
            Assert.That(table[0].Quantity, Is.EqualTo(10));
        }
    }

    [Test]
    public void ApplyFill_ExactlyAtMaxPosition_IsApplied()
    {
        var table = NewTable(maxPositionQty: 100);
        Fill(table, 0, Side.Buy, 100, 100);

        Fill(table, 0, Side.Sell, 200, 100);

        Assert.That(table[0].Quantity, Is.EqualTo(-100));
    }

    [TestCase(0L, PositionError.PriceOutOfRange)]
    [TestCase(10_000_000_000_000_001L, PositionError.PriceOutOfRange)] // above 10^12 ticks x 10^4 sub-ticks
    public void Mark_OutOfRange_IsRefusedAndCounted(long mid, PositionError expected)
    {
        var table = NewTable();

        Assert.That(table.Mark(0, mid, new ClosingIntentBuffer(1)), Is.EqualTo(expected));
        Assert.That(table.Mark(9, 1, new ClosingIntentBuffer(1)), Is.EqualTo(PositionError.UnknownInstrument));
        Assert.That(table.RejectedMarks, Is.EqualTo(2));
    }

    [Test]
    public void ApplyFill_LargestAcceptedMagnitudes_DoNotOverflow()
    {
        var table = new PositionTable(new PositionsOptions { Instruments = 1, MaxPriceTicks = 1_000_000_000_000, MaxPositionQty = 1_000_000_000_000_000 });
        var intents = new ClosingIntentBuffer(1);
        Fill(table, 0, Side.Buy, 1_000_000_000_000_000, 1_000_000_000_000);
        Fill(table, 0, Side.Sell, 999_999_999_999_999, 1);
        table.Mark(0, 1, intents);

        // Bought 10^15 at 10^12 ticks, sold all but one at 1 tick, marked at 1 sub-tick.
        Int128 cost = (Int128)1_000_000_000_000_000 * 1_000_000_000_000 * SubTicks;
        ref readonly var p = ref table[0];
        Int128 net = p.RealisedValue + p.UnrealisedValue - p.FeesValue;
        Assert.That(net, Is.EqualTo((Int128)999_999_999_999_999 * SubTicks + 1 - cost));
        // Realised (all but one unit closed) rounds down to cents on its own, as does unrealised.
        Assert.That(table.Totals.NetCents, Is.EqualTo(Floor(p.RealisedValue) + Floor(p.UnrealisedValue)));
    }

    [Test]
    public void ApplyFillAndMark_WarmedUp_AllocateNothing()
    {
        var table = NewTable(instruments: 8);
        for (int id = 0; id < 8; id++)
        {
            table.SetStopRules(id, new StopRules(50, TrailingStopMode.Percent, 30, 0));
        }
        var intents = new ClosingIntentBuffer(16);
        Run(table, intents, rounds: 2_000);

        long before = GC.GetAllocatedBytesForCurrentThread();
        Run(table, intents, rounds: 50_000);
        long after = GC.GetAllocatedBytesForCurrentThread();

        Assert.That(after - before, Is.Zero);
        Assert.That(intents.Count + intents.Dropped, Is.Positive, "the stops fired during the run");
    }

    private static void Run(PositionTable table, ClosingIntentBuffer intents, int rounds)
    {
        for (int round = 0; round < rounds; round++)
        {
            int id = round % 8;
            var side = (round / 8) % 3 == 0 ? Side.Sell : Side.Buy;
            table.ApplyFill(id, side, 1 + (round % 7), 1_000 + (round % 13), round % 5);
            table.Mark(id, (995 + (round % 17)) * SubTicks + (round % 3 * 5_000), intents);
            if (intents.Count == 16)
            {
                intents.Clear();
            }
            if (round % 50 == 0)
            {
                table.Rearm(id);
            }
        }
    }

    private static Int128 Floor(Int128 value)
    {
        var (quotient, remainder) = Int128.DivRem(value, 1_000_000);
        return remainder < 0 ? quotient - 1 : quotient;
    }
}
