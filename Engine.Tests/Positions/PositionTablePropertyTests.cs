using CsCheck;
using Engine.Positions;
using Feeds;

namespace Engine.Tests.Positions;

/// <summary>
/// Random fill and mark streams against <see cref="ReferencePositions"/>: after every step the
/// positions, fees and exposure agree exactly, realised + unrealised - fees agrees exactly (the
/// table keeps the cost basis exactly), realised alone and the open cost agree within one value
/// unit per partial close, the running totals equal the sums over the positions, and the stop-loss
/// fires on exactly the marks where the loss reaches its threshold.
/// </summary>
public sealed class PositionTablePropertyTests
{
    private const int Instruments = 3;
    private const long MaxPositionQty = 120;
    private const int StopLossBps = 150;

    /// <summary>kind 0..5 fill, 6..7 mark anywhere, 8..9 mark at the stop-loss level; quantities up to 60 so flips and the position bound are common.</summary>
    private static readonly Gen<(int Kind, int Id, long Quantity, long Price, long Fee, long MidSubTicks)> s_step =
        Gen.Select(Gen.Int[0, 9], Gen.Int[0, Instruments - 1], Gen.Long[1, 60], Gen.Long[90, 110], Gen.Long[-5, 30], Gen.Long[850_000, 1_150_000]);

    [Test]
    public void ApplyFillAndMark_RandomStreams_AgreeWithTheDecimalReference()
    {
        s_step.Array[1, 200].Sample(RunAgainstReference, iter: 500);
    }

    private static void RunAgainstReference((int Kind, int Id, long Quantity, long Price, long Fee, long MidSubTicks)[] steps)
    {
        var table = new PositionTable(new PositionsOptions
        {
            Instruments = Instruments,
            MaxPositionQty = MaxPositionQty,
            StopLoss = new StopLossOptions { LossBps = StopLossBps },
        });
        var reference = new ReferencePositions(Instruments, MaxPositionQty);
        var intents = new ClosingIntentBuffer(1);
        foreach (var (kind, id, quantity, price, fee, randomMid) in steps)
        {
            if (kind < 6)
            {
                var side = quantity % 2 == 0 ? Side.Buy : Side.Sell;
                bool accepted = reference.ApplyFill(id, side, quantity, price, fee);
                var error = table.ApplyFill(id, side, quantity, price, fee);
                if (error != (accepted ? PositionError.None : PositionError.PositionOutOfRange))
                {
                    throw new InvalidOperationException($"fill {side} {quantity} @ {price} on {id}: table {error}, reference accepted {accepted}");
                }
            }
            else
            {
                long level = table[id].StopLossSubTicks;
                // Kinds 8 and 9 mark on the stop-loss level or one sub-tick either side, where an off-by-one would show.
                long mid = kind >= 8 && level != 0 ? level + (randomMid % 3) - 1 : randomMid;
                reference.Mark(id, mid);
                table.Rearm(id);
                table.Mark(id, mid, intents);
                CheckStopLoss(table, id, mid, intents);
            }
            Compare(table, reference);
        }
    }

    /// <summary>The stop-loss fires exactly when the loss, computed directly from the cost, reaches the threshold.</summary>
    private static void CheckStopLoss(PositionTable table, int id, long mid, ClosingIntentBuffer intents)
    {
        ref readonly var p = ref table[id];
        Int128 loss = p.CostValue - ((Int128)p.Quantity * mid);
        bool expected = p.Quantity != 0 && loss * 10_000 >= Int128.Abs(p.CostValue) * StopLossBps;
        bool fired = intents.Count == 1;
        if (fired != expected || (fired && intents.Items[0] != new ClosingIntent(id, p.Quantity > 0 ? Side.Sell : Side.Buy, Math.Abs(p.Quantity), ClosingReason.StopLoss)))
        {
            throw new InvalidOperationException($"instrument {id} at {mid}: stop-loss fired {fired}, expected {expected} (quantity {p.Quantity}, cost {p.CostValue}, level {p.StopLossSubTicks})");
        }
        intents.Clear();
    }

    private static void Compare(PositionTable table, ReferencePositions reference)
    {
        Int128 realised = 0, unrealised = 0, fees = 0, exposure = 0;
        int open = 0;
        for (int id = 0; id < Instruments; id++)
        {
            ref readonly var p = ref table[id];
            Require(p.Quantity == reference.Quantity(id), id, "quantity", p.Quantity, reference.Quantity(id));
            Require((decimal)p.FeesValue == reference.Fees(id), id, "fees", p.FeesValue, reference.Fees(id));
            Require((decimal)ExposureOf(in p) == reference.Exposure(id), id, "exposure", ExposureOf(in p), reference.Exposure(id));
            decimal net = (decimal)(p.RealisedValue + p.UnrealisedValue - p.FeesValue);
            Require(Math.Abs(net - reference.Net(id)) < 0.000001m, id, "net", net, reference.Net(id));
            decimal realisedGap = Math.Abs((decimal)p.RealisedValue - reference.Realised(id));
            Require(realisedGap < reference.PartialCloses + 0.000001m, id, "realised", p.RealisedValue, reference.Realised(id));
            // Each partial close truncates the cost it removes, so the cost left may drift from
            // average x quantity by under one value unit per partial close (the average, by that over |quantity|).
            decimal costGap = Math.Abs((decimal)p.CostValue - (reference.Average(id) * reference.Quantity(id)));
            Require(costGap < reference.PartialCloses + 0.000001m, id, "cost", p.CostValue, reference.Average(id) * reference.Quantity(id));
            // Money in cents: 4 price decimals make a cent 10^6 value units; P&L rounds down, fees and exposure up.
            Require(p.RealisedCents == Floor(p.RealisedValue), id, "realised cents", p.RealisedCents, p.RealisedValue);
            Require(p.UnrealisedCents == Floor(p.UnrealisedValue), id, "unrealised cents", p.UnrealisedCents, p.UnrealisedValue);
            Require(p.FeesCents == -Floor(-p.FeesValue), id, "fees cents", p.FeesCents, p.FeesValue);
            Require(p.ExposureCents == -Floor(-ExposureOf(in p)), id, "exposure cents", p.ExposureCents, ExposureOf(in p));
            realised += p.RealisedCents;
            unrealised += p.UnrealisedCents;
            fees += p.FeesCents;
            exposure += p.ExposureCents;
            open += p.Quantity != 0 ? 1 : 0;
        }
        var totals = table.Totals;
        if (totals != new PositionTotals(realised, unrealised, fees, exposure, open))
        {
            throw new InvalidOperationException($"totals {totals} are not the sums over the positions");
        }
    }

    private static Int128 Floor(Int128 value)
    {
        var (quotient, remainder) = Int128.DivRem(value, 1_000_000);
        return remainder < 0 ? quotient - 1 : quotient;
    }

    private static Int128 ExposureOf(in Position p) => (Int128)Math.Abs(p.Quantity) * p.MarkSubTicks;

    private static void Require(bool condition, int id, string what, object actual, object expected)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"instrument {id} {what}: table {actual}, reference {expected}");
        }
    }
}
