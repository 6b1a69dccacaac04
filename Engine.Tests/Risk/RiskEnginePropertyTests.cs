using CsCheck;
using Engine.Risk;
using Feeds;
using static Engine.Tests.Risk.RiskFixture;

namespace Engine.Tests.Risk;

/// <summary>
/// Random streams of intents, fills, cancels, kills and resumes against the engine of
/// <see cref="RiskFixture"/>, with the open orders and positions kept by the test itself: after every
/// approved order, no position (projected with the open orders of its side), gross exposure, open
/// order count, engaged instrument count or submit rate is past its limit, and while the kill switch
/// is engaged nothing but cancels is approved.
/// </summary>
public sealed class RiskEnginePropertyTests
{
    private const long MaxPosition = 2_000;
    private const long MaxGrossCents = 20_000_000;
    private const int MaxOpenOrders = 3;
    private const int MaxEngaged = 1;
    private const int SubmitBurst = 5;
    private const long SubmitPeriodNs = 100_000_000;

    /// <summary>kind 0..4 submit, 5..6 fill part of an open order, 7 cancel one, 8 kill, 9 resume; lots of 10.</summary>
    private static readonly Gen<(int Kind, int Id, int Lots, int PriceSteps, int Pick, int AdvanceMs)> s_step =
        Gen.Select(Gen.Int[0, 9], Gen.Int[0, 1], Gen.Int[1, 80], Gen.Int[-12, 12], Gen.Int[0, 99], Gen.Int[0, 60]);

    [Test]
    public void Check_RandomStreams_NeverApproveAnOrderPastALimit()
    {
        s_step.Array[1, 150].Sample(Run, iter: 300);
    }

    private static void Run((int Kind, int Id, int Lots, int PriceSteps, int Pick, int AdvanceMs)[] steps)
    {
        var f = new RiskFixture(o => o.Defaults.MaxOrderNotionalCents = 100_000_000);
        f.Engine.OnTrade(1, Mid);
        var model = new Model();
        long now = T0;
        bool killed = false;
        long approvedSubmits = 0;
        foreach (var (kind, id, lots, priceSteps, pick, advanceMs) in steps)
        {
            now += advanceMs * 1_000_000L;
            if (kind < 5)
            {
                var intent = kind == 0
                    ? Market(pick % 2 == 0 ? Side.Buy : Side.Sell, lots * 10L, id)
                    : Limit(pick % 2 == 0 ? Side.Buy : Side.Sell, lots * 10L, Mid + (priceSteps * 500), id);
                var d = f.Engine.Check(in intent, now);
                if (d.Approved)
                {
                    if (killed)
                    {
                        throw new InvalidOperationException($"approved {intent} while killed");
                    }
                    approvedSubmits++;
                    f.Engine.OnOrderAccepted(id, intent.Side, intent.Quantity, d.NotionalCents);
                    model.Open.Add(new OpenOrder(id, intent.Side, intent.Quantity, d.NotionalCents, intent.Type == OrderType.Market ? Mid : intent.LimitPriceTicks));
                    model.CheckLimits(intent, approvedSubmits, now);
                }
            }
            else if (kind < 7 && model.Open.Count > 0)
            {
                model.Fill(f.Engine, pick % model.Open.Count, lots * 10L);
            }
            else if (kind == 7 && model.Open.Count > 0)
            {
                var cancel = CancelOf(pick);
                if (f.Engine.Check(in cancel, now).Approved)
                {
                    model.Cancel(f.Engine, pick % model.Open.Count);
                }
            }
            else if (kind == 8)
            {
                f.Breaker.Kill(now);
                killed = true;
            }
            else if (kind == 9)
            {
                f.Breaker.Resume(now);
                killed = false;
            }
        }
    }

    private sealed record OpenOrder(int Id, Side Side, long Quantity, long NotionalCents, long PriceTicks);

    /// <summary>The test's own account of open orders and positions, independent of the engine's.</summary>
    private sealed class Model
    {
        private readonly long[] _position = new long[2];
        private readonly long[] _exposureCents = new long[2];
        private readonly long[] _markTicks = new long[2];

        public List<OpenOrder> Open { get; } = [];

        public void Fill(RiskEngine engine, int index, long quantity)
        {
            var o = Open[index];
            long filled = Math.Min(quantity, o.Quantity);
            bool done = filled == o.Quantity;
            long released = done ? o.NotionalCents : o.NotionalCents * filled / o.Quantity;
            engine.OnFill(new Fill(o.Id, o.Side, filled, o.PriceTicks), released, done, T0);
            _position[o.Id] += o.Side == Side.Buy ? filled : -filled;
            // Positions are valued at their mark; unmarked, the position table takes the first fill price.
            _markTicks[o.Id] = _markTicks[o.Id] == 0 ? o.PriceTicks : _markTicks[o.Id];
            // 4 price decimals: cents = quantity x ticks / 100, rounded up.
            _exposureCents[o.Id] = ((Math.Abs(_position[o.Id]) * _markTicks[o.Id]) + 99) / 100;
            if (done)
            {
                Open.RemoveAt(index);
            }
            else
            {
                Open[index] = o with { Quantity = o.Quantity - filled, NotionalCents = o.NotionalCents - released };
            }
        }

        public void Cancel(RiskEngine engine, int index)
        {
            var o = Open[index];
            engine.OnOrderClosed(o.Id, o.Side, o.Quantity, o.NotionalCents);
            Open.RemoveAt(index);
        }

        public void CheckLimits(OrderIntent approved, long approvedSubmits, long now)
        {
            long gross = _exposureCents[0] + _exposureCents[1];
            int engaged = 0;
            for (int id = 0; id < 2; id++)
            {
                long buys = 0, sells = 0;
                foreach (var o in Open)
                {
                    if (o.Id == id)
                    {
                        buys += o.Side == Side.Buy ? o.Quantity : 0;
                        sells += o.Side == Side.Sell ? o.Quantity : 0;
                    }
                }
                bool hasOrders = Open.Exists(o => o.Id == id);
                engaged += _position[id] != 0 || hasOrders ? 1 : 0;
                if (_position[id] + buys > MaxPosition || -(_position[id] - sells) > MaxPosition)
                {
                    throw new InvalidOperationException($"after {approved}: instrument {id} position {_position[id]} with open buys {buys} sells {sells} is past {MaxPosition}");
                }
            }
            foreach (var o in Open)
            {
                gross += o.NotionalCents;
            }
            long allowedSubmits = SubmitBurst + ((now - T0) / SubmitPeriodNs);
            if (gross > MaxGrossCents || Open.Count > MaxOpenOrders || engaged > MaxEngaged || approvedSubmits > allowedSubmits)
            {
                throw new InvalidOperationException($"after {approved}: gross {gross}, open orders {Open.Count}, engaged {engaged}, submits {approvedSubmits} of {allowedSubmits}");
            }
        }
    }
}
