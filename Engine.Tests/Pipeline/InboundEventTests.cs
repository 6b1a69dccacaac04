using System.Runtime.CompilerServices;
using Engine.Pipeline;
using Engine.Tests.Feeds;
using Feeds;

namespace Engine.Tests.Pipeline;

public sealed class InboundEventTests
{
    /// <remarks>With the ring's 8-byte flag in front, a slot is exactly four cache lines.</remarks>
    [Test]
    public void SizeOf_InboundEvent_Is248Bytes()
    {
        Assert.That(Unsafe.SizeOf<InboundEvent>(), Is.EqualTo(248));
    }

    /// <remarks>So the market event's first 40 bytes are in the slot's first line, after the flag, the stamp and the kind.</remarks>
    [Test]
    public void Layout_Market_StartsAt16Bytes()
    {
        var e = default(InboundEvent);

        Assert.That(MarketDataEventTests.EndOf(ref e, ref e.Market) - Unsafe.SizeOf<MarketDataEvent>(), Is.EqualTo(16));
    }
}
