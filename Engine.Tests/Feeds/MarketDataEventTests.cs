using System.Runtime.CompilerServices;
using Feeds;

namespace Engine.Tests.Feeds;

public sealed class MarketDataEventTests
{
    [Test]
    public void SizeOf_MarketDataEvent_IsTheDocumented80Bytes()
    {
        Assert.That(Unsafe.SizeOf<MarketDataEvent>(), Is.EqualTo(80));
    }

    [Test]
    public void Default_MarketDataEvent_IsKindNone()
    {
        Assert.That(default(MarketDataEvent).Kind, Is.EqualTo(MarketDataKind.None));
    }
}
