using Engine.Orders;
using Engine.Risk;
using Engine.Tests.Alpaca;
using Engine.Venues.Alpaca;
using Feeds;

namespace Engine.Tests.Venues.Alpaca;

/// <summary>Order commands in Alpaca's words.</summary>
public sealed class AlpacaOrderRequestsTests
{
    [TestCase(OrderType.Market, TimeInForce.Ioc, "market", "ioc", null, null, null)]
    [TestCase(OrderType.Limit, TimeInForce.Fok, "limit", "fok", "126.55", null, null)]
    [TestCase(OrderType.Stop, TimeInForce.Opg, "stop", "opg", null, "126", null)]
    [TestCase(OrderType.StopLimit, TimeInForce.Cls, "stop_limit", "cls", "126.55", "126", null)]
    [TestCase(OrderType.TrailingStop, TimeInForce.Gtc, "trailing_stop", "gtc", null, null, "0.25")]
    public void TryCreate_EachType_NamesAndDecimalStringsAsAlpacaTakesThem(OrderType type, TimeInForce timeInForce, string typeName, string tifName,
        string? limit, string? stop, string? trail)
    {
        var command = new OrderCommand
        {
            Kind = OrderCommandKind.New,
            ClientOrderId = 42,
            InstrumentId = AlpacaTestData.Aapl,
            Side = Side.Sell,
            Type = type,
            TimeInForce = timeInForce,
            Quantity = 3,
            LimitPriceTicks = 1_265_500,
            StopPriceTicks = 1_260_000,
            TrailTicks = 2_500,
        };

        Assert.That(AlpacaOrderRequests.TryCreate(in command, AlpacaTestData.Instruments(), out var request), Is.True);

        Assert.That(request, Is.EqualTo(new AlpacaOrderRequest("AAPL", "3", "sell", typeName, tifName, "eng-42", limit, stop, trail)));
    }

    [Test]
    public void TryCreate_UnknownInstrument_IsFalse()
    {
        var command = new OrderCommand { Kind = OrderCommandKind.New, ClientOrderId = 1, InstrumentId = 999, Side = Side.Buy, Type = OrderType.Market, TimeInForce = TimeInForce.Day, Quantity = 1 };

        Assert.That(AlpacaOrderRequests.TryCreate(in command, AlpacaTestData.Instruments(), out var request), Is.False);
        Assert.That(request, Is.Null);
    }
}
