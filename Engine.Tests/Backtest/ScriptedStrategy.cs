using Engine.Orders;
using Engine.Risk;
using Engine.Strategies;
using Feeds;

namespace Engine.Tests.Backtest;

/// <summary>A strategy that sends the market orders it is given, each on the n-th market event (1-based, over all instruments), on instrument 0.</summary>
internal sealed class ScriptedStrategy(params (int Event, Side Side, long Quantity)[] orders) : IStrategy
{
    private int _events;

    public string Name => "Scripted";

    public List<RiskDecision> Decisions { get; } = [];

    public void OnStart(StrategyContext context)
    {
    }

    public void OnMarketData(in MarketDataEvent e, StrategyContext context)
    {
        _events++;
        foreach (var order in orders)
        {
            if (order.Event == _events)
            {
                Decisions.Add(context.Submit(new OrderIntent(0, 0, order.Side, OrderType.Market, TimeInForce.Ioc, order.Quantity), out _));
            }
        }
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
