using Engine.Risk;
using Feeds;
using static Engine.Tests.Risk.RiskFixture;

namespace Engine.Tests.Risk;

public sealed class RiskEngineAllocationTests
{
    [Test]
    public void Check_WarmedLoopOverEveryCheck_AllocatesNothing()
    {
        var f = new RiskFixture(o => { o.SubmitBurst = 1_000_000; o.SubmitsPerSecond = 1_000_000; o.CancelBurst = 1_000_000; o.CancelsPerSecond = 1_000_000; });
        OrderIntent[] intents =
        [
            Limit(Side.Buy, 100, Mid), Market(Side.Sell, 100), Limit(Side.Buy, 100, 1_100_000), Limit(Side.Buy, 15, Mid),
            Market(Side.Buy, 1_000), CancelOf(1), new(1, 0, Side.Buy, OrderType.StopLimit, TimeInForce.Gtc, 10, Mid, Mid),
        ];
        long approved = Run(f, intents, 1_000, T0);

        long before = GC.GetAllocatedBytesForCurrentThread();
        approved += Run(f, intents, 10_000, T0 + 1_000_000_000);
        long after = GC.GetAllocatedBytesForCurrentThread();

        Assert.That(approved, Is.GreaterThan(0));
        Assert.That(after - before, Is.Zero);
    }

    private static long Run(RiskFixture f, OrderIntent[] intents, int rounds, long nowNs)
    {
        long approved = 0;
        for (int round = 0; round < rounds; round++)
        {
            foreach (ref readonly var intent in intents.AsSpan())
            {
                approved += f.Engine.Check(in intent, nowNs + round).Approved ? 1 : 0;
            }
        }
        return approved;
    }
}
