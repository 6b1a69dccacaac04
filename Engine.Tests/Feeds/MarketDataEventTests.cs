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

    [TestCase(MarketDataKind.Add)]
    [TestCase(MarketDataKind.Cancel)]
    [TestCase(MarketDataKind.Delete)]
    [TestCase(MarketDataKind.Execute)]
    [TestCase(MarketDataKind.LevelSet)]
    [TestCase(MarketDataKind.ClearBook)]
    [TestCase(MarketDataKind.Trade)]
    [TestCase(MarketDataKind.TradingStatus)]
    public void CopyForBookTo_KindWithoutTail_KeepsTheFirst40BytesAndZeroesTheRest(MarketDataKind kind)
    {
        var e = Full(kind);
        var slot = Full(MarketDataKind.Quote) with { InstrumentId = 9, OrderId = 99 }; // what the slot held before

        e.CopyForBookTo(ref slot);

        Assert.That(slot, Is.EqualTo(e with { NewOrderId = 0, AskPriceTicks = 0, AskQuantity = 0, Sequence = 0, TsRecvNs = 0 }));
    }

    [TestCase(MarketDataKind.Replace)]
    [TestCase(MarketDataKind.Quote)]
    [TestCase(MarketDataKind.FeedStatus)]
    public void CopyForBookTo_KindWithTail_CopiesTheWholeEvent(MarketDataKind kind)
    {
        var e = Full(kind);
        var slot = Full(MarketDataKind.Add) with { InstrumentId = 9, OrderId = 99 };

        e.CopyForBookTo(ref slot);

        Assert.That(slot, Is.EqualTo(e));
    }

    /// <summary>An event of <paramref name="kind"/> with every field set.</summary>
    private static MarketDataEvent Full(MarketDataKind kind) => new()
    {
        InstrumentId = 3, Kind = kind, Side = Side.Buy, Status = 2, EndOfMessage = true, OrderId = 11, PriceTicks = 12, Quantity = 13,
        TsEventNs = 14, NewOrderId = 15, AskPriceTicks = 16, AskQuantity = 17, Sequence = 18, TsRecvNs = 19,
    };

    [Test]
    public void Default_MarketDataEvent_IsKindNone()
    {
        Assert.That(default(MarketDataEvent).Kind, Is.EqualTo(MarketDataKind.None));
    }
}
