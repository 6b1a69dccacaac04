using Engine.Orders;
using Engine.Risk;
using Engine.Strategies;
using Feeds;

namespace Engine.Tests.Backtest;

/// <summary>
/// A tiny deterministic strategy for backtest tests: on every <c>every</c>-th market event of
/// instrument 0 with a two-sided book it sends a market order of <c>quantity</c>, buying when flat
/// or short, selling when long, so positions go round trip after round trip.
/// </summary>
internal sealed class AlternatingStrategy(int every, long quantity) : IStrategy
{
    private long _events;

    public string Name => "Alternating";

    public void OnStart(StrategyContext context)
    {
    }

    public void OnMarketData(in MarketDataEvent e, StrategyContext context)
    {
        if (e.InstrumentId != 0 || ++_events % every != 0)
        {
            return;
        }
        var book = context.Books[0];
        if (!book.TryGetBest(Side.Buy, out _) || !book.TryGetBest(Side.Sell, out _))
        {
            return;
        }
        var side = context.Positions[0].Quantity > 0 ? Side.Sell : Side.Buy;
        context.Submit(new OrderIntent(0, 0, side, OrderType.Market, TimeInForce.Ioc, quantity), out _);
    }

    public void OnExecution(in ExecutionReport report, StrategyContext context)
    {
    }

    public void OnTimer(StrategyContext context)
    {
    }

    public void OnParameters(StrategyOptions options)
    {
    }
}
