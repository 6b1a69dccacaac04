using Engine.Positions;
using Feeds;

namespace Engine.Tests.Positions;

/// <summary>Stop-loss and trailing-stop monitors on price paths. Marks are written in ticks x 10^4 (sub-ticks).</summary>
public sealed class PositionStopTests
{
    private const long SubTicks = PositionTable.SubTicksPerTick;

    private static PositionTable NewTable(StopRules rules)
    {
        var table = new PositionTable(new PositionsOptions { Instruments = 2 });
        table.SetStopRules(0, rules);
        table.SetStopRules(1, rules);
        return table;
    }

    private static StopRules StopLoss(int bps) => new(bps, TrailingStopMode.Off, 1, 1);

    private static StopRules TrailingPercent(int bps) => new(0, TrailingStopMode.Percent, bps, 0);

    private static StopRules TrailingTicks(long ticks) => new(0, TrailingStopMode.Absolute, 1, ticks * SubTicks);

    [Test]
    public void Mark_LongOneTickAboveTheStopLoss_EmitsNothing()
    {
        var table = NewTable(StopLoss(100));
        var intents = new ClosingIntentBuffer(4);
        table.ApplyFill(0, Side.Buy, 100, 10_000, 0);

        table.Mark(0, 9_901 * SubTicks, intents);
        table.Mark(0, (9_900 * SubTicks) + 1, intents);

        Assert.That(intents.Count, Is.Zero);
    }

    [Test]
    public void Mark_LongExactlyAtTheStopLoss_EmitsOneSellOfTheWholePosition()
    {
        var table = NewTable(StopLoss(100));
        var intents = new ClosingIntentBuffer(4);
        table.ApplyFill(0, Side.Buy, 100, 10_000, 0);

        table.Mark(0, 9_900 * SubTicks, intents);

        Assert.That(intents.Items.ToArray(), Is.EqualTo(new[] { new ClosingIntent(0, Side.Sell, 100, ClosingReason.StopLoss) }));
    }

    [Test]
    public void Mark_ShortAtAndOneTickInsideTheStopLoss_EmitsOnlyAtTheThreshold()
    {
        var table = NewTable(StopLoss(100));
        var intents = new ClosingIntentBuffer(4);
        table.ApplyFill(1, Side.Sell, 40, 10_000, 0);

        table.Mark(1, 10_099 * SubTicks, intents);
        Assert.That(intents.Count, Is.Zero);

        table.Mark(1, 10_100 * SubTicks, intents);
        Assert.That(intents.Items.ToArray(), Is.EqualTo(new[] { new ClosingIntent(1, Side.Buy, 40, ClosingReason.StopLoss) }));
    }

    [Test]
    public void ApplyFill_AddAndSetStopRules_MoveTheStopLossWithTheAverageEntry()
    {
        var table = NewTable(StopLoss(100));
        table.ApplyFill(0, Side.Buy, 1, 100, 0);
        table.ApplyFill(0, Side.Buy, 2, 101, 0);
        // Average 100.666.. ticks; 99% of it is 99.66 ticks = 996,600 sub-ticks exactly.
        Assert.That(table[0].StopLossSubTicks, Is.EqualTo(996_600));

        table.SetStopRules(0, StopLoss(50));
        // 99.5% of 1,006,666.67 = 1,001,633.33: the largest mark that loses at least 0.5%.
        Assert.That(table[0].StopLossSubTicks, Is.EqualTo(1_001_633));

        table.ApplyFill(1, Side.Sell, 3, 100, 0);
        table.SetStopRules(1, StopLoss(33));
        // 100.33% of 100 ticks = 1,003,300 sub-ticks; a short fires at or above it.
        Assert.That(table[1].StopLossSubTicks, Is.EqualTo(1_003_300));
    }

    [Test]
    public void Mark_AfterAStopFired_EmitsNothingMoreUntilRearmed()
    {
        var table = NewTable(StopLoss(100));
        var intents = new ClosingIntentBuffer(4);
        table.ApplyFill(0, Side.Buy, 100, 10_000, 0);
        table.Mark(0, 9_800 * SubTicks, intents);

        table.Mark(0, 9_700 * SubTicks, intents);
        table.ApplyFill(0, Side.Sell, 30, 9_700, 0);
        table.Mark(0, 9_600 * SubTicks, intents);
        Assert.That(intents.Count, Is.EqualTo(1), "a partial fill of the close does not re-arm");

        table.Rearm(0);
        table.Mark(0, 9_600 * SubTicks, intents);
        Assert.That(intents.Items[1], Is.EqualTo(new ClosingIntent(0, Side.Sell, 70, ClosingReason.StopLoss)));
    }

    [Test]
    public void Mark_NewPositionAfterFlat_IsArmedAgain()
    {
        var table = NewTable(StopLoss(100));
        var intents = new ClosingIntentBuffer(4);
        table.ApplyFill(0, Side.Buy, 10, 10_000, 0);
        table.Mark(0, 9_000 * SubTicks, intents);
        table.ApplyFill(0, Side.Sell, 10, 9_000, 0);
        Assert.That(table[0].Armed, Is.False);

        table.ApplyFill(0, Side.Sell, 5, 9_000, 0);
        table.Mark(0, 9_090 * SubTicks, intents);

        Assert.That(intents.Items[1], Is.EqualTo(new ClosingIntent(0, Side.Buy, 5, ClosingReason.StopLoss)));
    }

    [Test]
    public void Mark_FullBuffer_CountsTheDropAndFiresOnTheNextMark()
    {
        var table = NewTable(StopLoss(100));
        var intents = new ClosingIntentBuffer(1);
        table.ApplyFill(0, Side.Buy, 10, 10_000, 0);
        table.ApplyFill(1, Side.Buy, 20, 10_000, 0);
        table.Mark(0, 9_000 * SubTicks, intents);

        table.Mark(1, 9_000 * SubTicks, intents);
        Assert.That(intents.Dropped, Is.EqualTo(1));
        Assert.That(table[1].Armed, Is.True);

        intents.Clear();
        table.Mark(1, 9_000 * SubTicks, intents);
        Assert.That(intents.Items.ToArray(), Is.EqualTo(new[] { new ClosingIntent(1, Side.Sell, 20, ClosingReason.StopLoss) }));
    }

    [Test]
    public void Mark_LongPricePath_TrailingPercentStopRatchetsUpAndFiresOnTheFallBack()
    {
        var table = NewTable(TrailingPercent(100));
        var intents = new ClosingIntentBuffer(4);
        table.ApplyFill(0, Side.Buy, 10, 10_000, 0);
        Assert.That(table[0].TrailingStopSubTicks, Is.EqualTo(9_900 * SubTicks));

        long[] pathTicks = [10_050, 10_200, 10_100, 10_150, 10_099];
        long[] expectedStops = [99_495_000, 100_980_000, 100_980_000, 100_980_000, 100_980_000];
        var stops = new long[pathTicks.Length];
        for (int i = 0; i < pathTicks.Length; i++)
        {
            table.Mark(0, pathTicks[i] * SubTicks, intents);
            stops[i] = table[0].TrailingStopSubTicks;
        }
        Assert.That(stops, Is.EqualTo(expectedStops));
        Assert.That(intents.Count, Is.Zero, "10,099 is one tick above the stop at 10,098");

        table.Mark(0, 10_098 * SubTicks, intents);
        Assert.That(intents.Items.ToArray(), Is.EqualTo(new[] { new ClosingIntent(0, Side.Sell, 10, ClosingReason.TrailingStop) }));
    }

    [Test]
    public void Mark_ShortPricePath_TrailingAbsoluteStopRatchetsDownAndFiresOnTheBounce()
    {
        var table = NewTable(TrailingTicks(25));
        var intents = new ClosingIntentBuffer(4);
        table.ApplyFill(0, Side.Sell, 10, 10_000, 0);
        Assert.That(table[0].TrailingStopSubTicks, Is.EqualTo(10_025 * SubTicks));

        long[] pathTicks = [9_990, 9_950, 9_970, 9_974];
        long[] expectedStopTicks = [10_015, 9_975, 9_975, 9_975];
        var stops = new long[pathTicks.Length];
        for (int i = 0; i < pathTicks.Length; i++)
        {
            table.Mark(0, pathTicks[i] * SubTicks, intents);
            stops[i] = table[0].TrailingStopSubTicks / SubTicks;
        }
        Assert.That(stops, Is.EqualTo(expectedStopTicks));
        Assert.That(intents.Count, Is.Zero);

        table.Mark(0, 9_975 * SubTicks, intents);
        Assert.That(intents.Items.ToArray(), Is.EqualTo(new[] { new ClosingIntent(0, Side.Buy, 10, ClosingReason.TrailingStop) }));
    }

    [TestCase(Side.Buy)]
    [TestCase(Side.Sell)]
    public void Mark_ZigZagPath_TrailingStopNeverLoosens(Side side)
    {
        var table = NewTable(TrailingPercent(500));
        var intents = new ClosingIntentBuffer(64);
        table.ApplyFill(0, side, 10, 10_000, 0);
        bool isLong = side == Side.Buy;
        long previous = table[0].TrailingStopSubTicks;
        long price = 10_000 * SubTicks;
        var random = new Random(17);
        for (int step = 0; step < 500; step++)
        {
            price += random.Next(-40, 41) * SubTicks / 4;
            table.Mark(0, price, intents);
            long stop = table[0].TrailingStopSubTicks;
            Assert.That(isLong ? stop >= previous : stop <= previous, $"step {step}: the stop moved from {previous} to {stop}");
            previous = stop;
        }
    }

    [Test]
    public void SetStopRules_WiderOffsetMidPosition_DoesNotLoosenTheStop()
    {
        var table = NewTable(TrailingPercent(100));
        var intents = new ClosingIntentBuffer(4);
        table.ApplyFill(0, Side.Buy, 10, 10_000, 0);
        table.Mark(0, 10_200 * SubTicks, intents);

        table.SetStopRules(0, TrailingPercent(1_000));
        table.Mark(0, 10_300 * SubTicks, intents);

        Assert.That(table[0].TrailingStopSubTicks, Is.EqualTo(100_980_000));
    }

    [Test]
    public void Mark_BothStopsCross_EmitsOneIntentForTheStopLoss()
    {
        var table = NewTable(new StopRules(100, TrailingStopMode.Absolute, 1, 50 * SubTicks));
        var intents = new ClosingIntentBuffer(4);
        table.ApplyFill(0, Side.Buy, 10, 10_000, 0);

        table.Mark(0, 9_000 * SubTicks, intents);

        Assert.That(intents.Items.ToArray(), Is.EqualTo(new[] { new ClosingIntent(0, Side.Sell, 10, ClosingReason.StopLoss) }));
    }

    [Test]
    public void Mark_StopsOff_NeverEmits()
    {
        var table = new PositionTable(new PositionsOptions { Instruments = 1 });
        var intents = new ClosingIntentBuffer(4);
        table.ApplyFill(0, Side.Buy, 10, 10_000, 0);

        table.Mark(0, 1, intents);

        Assert.That(intents.Count, Is.Zero);
        Assert.That(table[0].TrailingStopSubTicks, Is.Zero);
    }
}
