using Engine.Orders;
using Feeds;

namespace Engine.Strategies;

/// <summary>
/// A trading strategy: handler 2 of the chain. It turns market events, its orders' execution reports
/// and its timer into order intents, which it submits through <see cref="StrategyContext.Submit"/>
/// (the slippage estimate and the pre-trade checks run there, at once; approved intents reach the
/// router in the same event).
/// </summary>
/// <remarks>
/// Every method runs on the loop thread, for every event: implementations must not allocate, lock,
/// log or throw after <see cref="OnStart"/>. Keep state in fields and pre-sized arrays sized in the
/// constructor (the context says how many instruments there are).
/// </remarks>
public interface IStrategy
{
    /// <summary>The name the configuration selects it by (<c>strategy.name</c>).</summary>
    string Name { get; }

    /// <summary>Once, on the loop, before the first event.</summary>
    void OnStart(StrategyContext context);

    /// <summary>A market event, after the order book has applied it and risk has marked positions to it.</summary>
    void OnMarketData(in MarketDataEvent e, StrategyContext context);

    /// <summary>An execution report for any order (the strategy tells its own by client order id), before the router applies it.</summary>
    void OnExecution(in ExecutionReport report, StrategyContext context);

    /// <summary>The timer set with <see cref="StrategyContext.SetTimer"/> is due (checked at each end of batch; in a quiet market the loop's tick, <c>pipeline.tickMs</c>, makes one).</summary>
    void OnTimer(StrategyContext context);

    /// <summary>New parameters from a reload (SIGHUP), validated off the loop; copy what you need into fields.</summary>
    void OnParameters(StrategyOptions options);

    /// <summary>
    /// The names of the strategy's own counts (each only ever rises; snake_case), in the order
    /// <see cref="CopyCounts"/> writes them: <c>/metrics</c> shows each as
    /// <c>engine_strategy_events_total{strategy, event}</c>. Read once, when the engine is built. None by default.
    /// </summary>
    IReadOnlyList<string> CountNames => [];

    /// <summary>Writes the counts <see cref="CountNames"/> names into <paramref name="counts"/>, in that order. On the loop, at each end of batch: must not allocate.</summary>
    void CopyCounts(Span<long> counts)
    {
    }
}
