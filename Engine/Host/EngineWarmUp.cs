using System.Diagnostics;
using Engine.Backtest;
using Engine.Config;
using Engine.Strategies;
using Feeds;
using Feeds.Synthetic;

namespace Engine.Host;

/// <summary>
/// Before the engine starts, runs a short synthetic market through a throw-away copy of the pipeline
/// (the configured books, strategy, risk, router and the paper venue, as <see cref="BacktestRunner"/>
/// runs them, on the calling thread), so that the JIT has compiled the order path, and tiered it up,
/// before the first real event. Without it the first orders wait for the JIT (20-50 ms measured) and
/// run unoptimised code until each method has been called about 30 times, which at a few orders a
/// second takes minutes (tick-to-order p99 200 us against 50 us after a warm-up, the LOBSTER replay
/// alone at 135 events/s).
/// </summary>
/// <remarks>
/// Nothing of the copy outlives the call: its books, orders, positions and venue are dropped, and it
/// has no feed, thread, metric or log of its own. The synthetic instruments are played on the ids the
/// strategy trades, so that its orders go out: the market maker's and the imbalance taker's
/// instruments (the first four when they trade all), or the TWAP's parent order's.
/// </remarks>
internal static class EngineWarmUp
{
    /// <summary>Venue time between two warm-up events (10 ms: 20,000 events span 200 s).</summary>
    private const long EventSpacingNs = 10_000_000;

    /// <summary>
    /// Passes over the same market. Tiered compilation with dynamic PGO takes a method through three
    /// versions (unoptimised, instrumented, optimised), each after about 30 calls counted from 100 ms
    /// after the last new compilation; one pass a version.
    /// </summary>
    private const int Passes = 3;

    /// <summary>The most instruments the synthetic market is played on: enough for every path, few enough to keep each busy.</summary>
    private const int MaxInstruments = 4;

    /// <summary>After each pass: the 100 ms before calls are counted, and the background compilations.</summary>
    private static readonly TimeSpan s_tierUpPause = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Runs <c>pipeline.warmUpEvents</c> synthetic market events, three times, through a copy of the
    /// pipeline of <paramref name="options"/>; returns the last pass's counts and the whole time, or
    /// null when the warm-up is off (0 events).
    /// </summary>
    /// <remarks>Throws <see cref="BacktestException"/> when a handler's fault halts the copy (<c>pipeline.faultPolicy: LogAndHalt</c>).</remarks>
    public static WarmUpResult? Run(EngineOptions options) =>
        Run(options, () => StrategyFactory.Create(options.Strategy, options.Book.Instruments));

    /// <summary>As <see cref="Run(EngineOptions)"/>, with the strategy of each pass from <paramref name="strategy"/> (tests).</summary>
    internal static WarmUpResult? Run(EngineOptions options, Func<IStrategy?> strategy)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Pipeline.WarmUpEvents == 0)
        {
            return null;
        }
        long start = Stopwatch.GetTimestamp();
        var market = Market(options, options.Pipeline.WarmUpEvents);
        (long Orders, long Fills) last = default;
        for (int pass = 0; pass < Passes; pass++)
        {
            last = RunOnce(options, market, strategy());
            Thread.Sleep(s_tierUpPause);
        }
        return new WarmUpResult(market.Length, last.Orders, last.Fills, Stopwatch.GetElapsedTime(start));
    }

    /// <summary>The synthetic market's first <paramref name="events"/> events, on the strategy's instruments, <see cref="EventSpacingNs"/> apart.</summary>
    private static MarketDataEvent[] Market(EngineOptions options, int events)
    {
        int[] targets = Targets(options);
        var market = new SyntheticFeedOptions { Instruments = targets.Length, Threads = 1, RateEventsPerSecond = 0, MaxEventsPerThread = events, Seed = options.Synthetic.Seed };
        var collector = new EventCollector();
        new SyntheticMarketFeed(market, 0, collector).Run(CancellationToken.None);
        var played = collector.Events.ToArray();
        long firstNs = played.Length > 0 ? played[0].TsEventNs : 0;
        for (int i = 0; i < played.Length; i++)
        {
            if (played[i].InstrumentId >= 0)
            {
                played[i].InstrumentId = targets[played[i].InstrumentId];
            }
            // Unpaced, the market's events are a microsecond apart: spread them so that the strategy's
            // requote interval and risk's rate limits let it send orders all along.
            played[i].TsEventNs = firstNs + (i * EventSpacingNs);
        }
        return played;
    }

    /// <summary>One pass: <paramref name="market"/> through a new copy of the pipeline; the orders it sent and the fills it got.</summary>
    private static (long Orders, long Fills) RunOnce(EngineOptions options, MarketDataEvent[] market, IStrategy? strategy)
    {
        int[] decimals = options.Risk.PriceDecimalsOf(options.Book.Instruments);
        var instruments = Enumerable.Range(0, options.Book.Instruments).Select(id => new BacktestInstrument(id, $"WARMUP{id}", decimals[id])).ToList();
        var runner = new BacktestRunner(options, strategy, new BacktestData(instruments, market, 0, []),
            new BacktestRecorder(options.Book.Instruments, intervalNs: 1_000_000_000, capitalCents: 1));
        runner.Run();
        var router = runner.Pipeline.Router.Snapshot;
        return (router.Sent, router.Fills);
    }

    /// <summary>The ids the strategy trades (at most <see cref="MaxInstruments"/>), where the synthetic instruments are played.</summary>
    private static int[] Targets(EngineOptions options)
    {
        var strategy = options.Strategy;
        if (strategy.Name == StrategyKind.Twap)
        {
            return [strategy.Twap.InstrumentId];
        }
        return strategy.Instruments.Count > 0
            ? [.. strategy.Instruments.Take(MaxInstruments)]
            : [.. Enumerable.Range(0, Math.Min(MaxInstruments, options.Book.Instruments))];
    }
}

/// <summary>What a warm-up ran: market events, orders sent, fills, and how long it took.</summary>
internal readonly record struct WarmUpResult(int Events, long Orders, long Fills, TimeSpan Elapsed);
