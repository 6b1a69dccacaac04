using Engine.Admin;
using Engine.Risk;
using Feeds;
using Feeds.Instruments;

namespace Engine.Tests.Admin;

public sealed class ManualOrderParserTests
{
    private static readonly InstrumentTable s_instruments = Instruments();

    [Test]
    public void TryParse_ValidLimitOrder_GivesTheIntentInTicks()
    {
        var order = new ManualOrder("AAPL", "buy", 100, "limit", "gtc", LimitPrice: "189.25");

        Assert.That(ManualOrderParser.TryParse(order, s_instruments, out var intent, out var problems), Is.True, string.Join("; ", problems));

        Assert.That(intent, Is.EqualTo(new OrderIntent(0, 0, Side.Buy, OrderType.Limit, TimeInForce.Gtc, 100, LimitPriceTicks: 1_892_500)));
    }

    [Test]
    public void TryParse_Defaults_AreAMarketDayOrder()
    {
        Assert.That(ManualOrderParser.TryParse(new ManualOrder("MSFT", "sell", 5), s_instruments, out var intent, out _), Is.True);

        Assert.That((intent.InstrumentId, intent.Type, intent.TimeInForce, intent.Side), Is.EqualTo((1, OrderType.Market, TimeInForce.Day, Side.Sell)));
    }

    [Test]
    public void TryParse_EverythingWrong_ListsEveryProblem()
    {
        var order = new ManualOrder(" ", "hold", 0, "iceberg", "forever");

        Assert.That(ManualOrderParser.TryParse(order, s_instruments, out _, out var problems), Is.False);

        Assert.That(problems, Is.EqualTo(new[]
        {
            "symbol: required",
            "side: 'hold' must be buy or sell",
            "qty: 0 must be positive",
            "type: 'iceberg' must be market, limit, stop, stop_limit or trailing_stop",
            "timeInForce: 'forever' must be day, gtc, ioc, fok, opg or cls",
        }));
    }

    [TestCase("ZZZZ", "symbol: 'ZZZZ' is not a known instrument")]
    [TestCase("", "symbol: required")]
    public void TryParse_UnknownOrMissingSymbol_IsRefused(string symbol, string expected)
    {
        Assert.That(ManualOrderParser.TryParse(new ManualOrder(symbol, "buy", 1), s_instruments, out _, out var problems), Is.False);
        Assert.That(problems, Is.EqualTo(new[] { expected }));
    }

    [TestCase("limit", null, null, "limitPrice: required for this order type")]
    [TestCase("market", "10", null, "limitPrice: not used by this order type")]
    [TestCase("limit", "-1", null, "limitPrice: '-1' must be a positive decimal number")]
    [TestCase("limit", "abc", null, "limitPrice: 'abc' must be a positive decimal number")]
    [TestCase("limit", "1.00001", null, "limitPrice: '1.00001' has more than the instrument's 4 decimals")]
    [TestCase("stop_limit", "10", null, "stopPrice: required for this order type")]
    public void TryParse_BadPrices_AreRefused(string type, string? limit, string? stop, string expected)
    {
        var order = new ManualOrder("AAPL", "buy", 1, type, "day", limit, stop);

        Assert.That(ManualOrderParser.TryParse(order, s_instruments, out _, out var problems), Is.False);

        Assert.That(problems, Is.EqualTo(new[] { expected }));
    }

    private static InstrumentTable Instruments()
    {
        var table = new InstrumentTable(4);
        table.GetOrAdd("AAPL", 4);
        table.GetOrAdd("MSFT", 4);
        return table;
    }
}
