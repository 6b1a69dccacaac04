using Engine.Admin;
using Engine.Orders.Twap;
using Engine.Risk;
using Feeds;
using Feeds.Instruments;

namespace Engine.Tests.Admin;

public sealed class TwapRequestParserTests
{
    private static readonly InstrumentTable s_instruments = Instruments();
    private static readonly (int, Func<int, long>) s_limits = (2, id => id == 1 ? 100 : 1);

    [Test]
    public void TryParse_ValidLimitParent_GivesTheOptionsInTicks()
    {
        var request = new TwapRequest("AAPL", "sell", 1000, 60_000, 10, "limit", "ioc", "near", LimitOffsetTicks: -5, LimitCap: "189.25", StartDelayMs: 500);

        Assert.That(TwapRequestParser.TryParse(request, s_instruments, s_limits, out var options, out var problems), Is.True, string.Join("; ", problems));

        Assert.That(options, Is.EqualTo(new TwapOptions
        {
            InstrumentId = 0, Side = Side.Sell, TotalQuantity = 1000, DurationMs = 60_000, Slices = 10, ChildType = TwapChildType.Limit,
            ChildTimeInForce = TimeInForce.Ioc, LimitReference = TwapLimitReference.Near, LimitOffsetTicks = -5, LimitCapTicks = 1_892_500, StartDelayMs = 500,
        }));
    }

    [Test]
    public void TryParse_EverythingWrong_ListsEveryProblemUnderTheRequestsFields()
    {
        var request = new TwapRequest(" ", "hold", 0, 0, 0, "iceberg", "gtc", "mid", CancelRetryMs: 0);

        Assert.That(TwapRequestParser.TryParse(request, s_instruments, s_limits, out _, out var problems), Is.False);

        Assert.That(problems, Is.EqualTo(new[]
        {
            "symbol: required",
            "side: 'hold' must be buy or sell",
            "childType: 'iceberg' must be market or limit",
            "timeInForce: 'gtc' must be day or ioc (a child lives until the next slice)",
            "limitReference: 'mid' must be far or near",
            "qty: 0 is outside 1..1000000000000",
            "durationMs: 0 is outside 1..86400000",
            "slices: 0 is outside 1..10000",
            "cancelRetryMs: 0 is outside 1..60000",
        }));
    }

    [Test]
    public void TryParse_QuantityNotWholeLots_IsAProblem()
    {
        Assert.That(TwapRequestParser.TryParse(new TwapRequest("MSFT", "buy", 250, 1000, 2), s_instruments, s_limits, out _, out var problems), Is.False);

        Assert.That(problems, Is.EqualTo(new[] { "qty: 250 is not a multiple of MSFT's lot size (100); slices are whole lots" }));
    }

    [Test]
    public void TryParse_LimitFieldsOnMarketChildrenAndABadCap_AreProblems()
    {
        var request = new TwapRequest("AAPL", "buy", 100, 1000, 2, LimitOffsetTicks: 3, LimitCap: "1.00001");

        Assert.That(TwapRequestParser.TryParse(request, s_instruments, s_limits, out _, out var problems), Is.False);

        Assert.That(problems, Has.Count.EqualTo(2));
        Assert.That(problems[0], Does.StartWith("limitCap: '1.00001' has more than"));
        Assert.That(problems[1], Does.StartWith("limitOffsetTicks/limitCap: 3/0 apply only to childType Limit"));
    }

    private static InstrumentTable Instruments()
    {
        var table = new InstrumentTable(4);
        table.GetOrAdd("AAPL", 4);
        table.GetOrAdd("MSFT", 4);
        return table;
    }
}
