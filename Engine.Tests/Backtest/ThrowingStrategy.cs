using Engine.Orders;
using Engine.Strategies;
using Feeds;

namespace Engine.Tests.Backtest;

/// <summary>A strategy that throws on the n-th market event: the processor's fault policy meets it.</summary>
internal sealed class ThrowingStrategy(int onEvent) : IStrategy
{
    private int _events;

    public string Name => "Throwing";

    public void OnStart(StrategyContext context)
    {
    }

    public void OnMarketData(in MarketDataEvent e, StrategyContext context)
    {
        if (++_events == onEvent)
        {
            throw new InvalidOperationException("strategy bug");
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
