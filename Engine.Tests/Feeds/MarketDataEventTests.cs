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

    /// <remarks>In the inbound ring these share the slot's first cache line with its published flag (see <see cref="MarketDataEvent"/>).</remarks>
    [Test]
    public void Layout_WhatAnOrderByOrderEventNeeds_EndsWithinTheFirst40Bytes()
    {
        var e = default(MarketDataEvent);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(EndOf(ref e, ref e.InstrumentId), Is.LessThanOrEqualTo(40), "instrument");
            Assert.That(EndOf(ref e, ref e.Kind), Is.LessThanOrEqualTo(40), "kind");
            Assert.That(EndOf(ref e, ref e.Side), Is.LessThanOrEqualTo(40), "side");
            Assert.That(EndOf(ref e, ref e.OrderId), Is.LessThanOrEqualTo(40), "order id");
            Assert.That(EndOf(ref e, ref e.PriceTicks), Is.LessThanOrEqualTo(40), "price");
            Assert.That(EndOf(ref e, ref e.Quantity), Is.LessThanOrEqualTo(40), "quantity");
            Assert.That(EndOf(ref e, ref e.TsEventNs), Is.LessThanOrEqualTo(40), "venue time");
        }
    }

    /// <summary>Where <paramref name="field"/> of <paramref name="e"/> ends, in bytes from the start of the struct (the managed layout, not the marshalled one).</summary>
    internal static long EndOf<TStruct, TField>(ref TStruct e, ref TField field) =>
        Unsafe.ByteOffset(ref Unsafe.As<TStruct, byte>(ref e), ref Unsafe.As<TField, byte>(ref field)) + Unsafe.SizeOf<TField>();

    [Test]
    public void Default_MarketDataEvent_IsKindNone()
    {
        Assert.That(default(MarketDataEvent).Kind, Is.EqualTo(MarketDataKind.None));
    }
}
