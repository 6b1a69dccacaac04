using System.Diagnostics;
using Engine.Config;
using Engine.Host;
using Engine.Orders;
using Engine.Pipeline;
using Engine.Positions;
using Engine.Ring;
using Engine.Strategies;
using Engine.Venues;
using Engine.Venues.Paper;
using Feeds;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engine.Backtest;

/// <summary>
/// Runs recorded market data through the live pipeline (<see cref="EnginePipeline"/>: the same rings,
/// handlers, paper venue stage and options), on one thread, on a <see cref="SimulatedClock"/>, as
/// fast as it goes. The result is a function of the data, the options and the strategy alone.
/// </summary>
/// <remarks>
/// <para>Live, the feeds publish while the loop runs, and the paper venue's reports meet the market
/// data in the inbound ring in whatever order timing gives. Here the order is fixed: for each
/// recorded event the clock moves to its time, the event is published into the inbound ring and the
/// chain handles it (the paper venue, one of its stages, matching it and the orders it led to); each
/// report the venue published goes through the chain in turn, with the reports it leads to, until
/// the ring is empty; then the next event.</para>
/// <para>Between events the <see cref="BacktestRecorder"/> reads the positions: fills, round trips,
/// the equity curve. The wall-clock time of each event through the chain goes to its latency
/// histogram; it is the only thing that differs between two runs.</para>
/// </remarks>
public sealed class BacktestRunner
{
    private readonly EnginePipeline _pipeline;
    private readonly SimulatedClock _clock;
    private readonly BacktestData _data;
    private readonly BacktestRecorder _recorder;
    private readonly int[] _notionalDecimals;

    /// <summary>
    /// Wires the pipeline from <paramref name="options"/> (validated; its risk instruments at the
    /// data's price decimals: see <see cref="BacktestOptions.Apply"/>) with <paramref name="strategy"/>
    /// (null: none) for <paramref name="data"/>, recording into <paramref name="recorder"/>.
    /// </summary>
    public BacktestRunner(EngineOptions options, IStrategy? strategy, BacktestData data, BacktestRecorder recorder)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(recorder);
        _data = data;
        _recorder = recorder;
        _clock = new SimulatedClock(data.Events.Length > 0 ? data.Events[0].TsEventNs : 0);
        _pipeline = new EnginePipeline(options, VenueKind.Paper, _clock, strategy, NullLogger.Instance);
        _notionalDecimals = new int[options.Book.Instruments];
        foreach (var instrument in data.Instruments)
        {
            _notionalDecimals[instrument.Id] = instrument.PriceDecimals + instrument.QuantityDecimals;
        }
    }

    /// <summary>The pipeline, for reading its state after <see cref="Run"/>.</summary>
    public EnginePipeline Pipeline => _pipeline;

    /// <summary>The paper venue.</summary>
    public PaperVenueHandler Venue => _pipeline.Paper!.Venue;

    /// <summary>The simulated clock.</summary>
    public IClock Clock => _clock;

    /// <summary>Wall-clock time <see cref="Run"/> took, <see cref="Stopwatch"/> ticks (not deterministic).</summary>
    public long RunTicks { get; private set; }

    /// <summary>Runs every event of the data; throws <see cref="BacktestException"/> if the chain halted on a fault (<c>pipeline.faultPolicy: LogAndHalt</c>).</summary>
    public void Run()
    {
        long start = Stopwatch.GetTimestamp();
        var positions = _pipeline.Risk.Positions;
        var events = _data.Events.AsSpan();
        for (int i = 0; i < events.Length; i++)
        {
            ref readonly var e = ref events[i];
            _clock.AdvanceTo(e.TsEventNs);
            PublishMarket(in e);
            while (Step(positions))
            {
            }
            if (_pipeline.Processor.State == ProcessorState.Faulted)
            {
                throw new BacktestException($"the handler chain halted on a fault at recorded event {i + 1} (pipeline.faultPolicy: LogAndHalt)");
            }
            _recorder.OnEquity(_clock.UtcNowNs(), (decimal)positions.NetCents);
        }
        _recorder.Finish(positions);
        RunTicks = Stopwatch.GetTimestamp() - start;
    }

    /// <summary>The chain handles the next event of the inbound ring (timed), a fill recorded with the order and position it changed; false when the ring is empty or the chain halted.</summary>
    private bool Step(PositionTable positions)
    {
        var processor = _pipeline.Processor;
        long next = processor.Sequence.Value + 1;
        // One thread publishes and handles: every slot up to the cursor is published.
        if (next > _pipeline.Ring.Cursor || processor.State == ProcessorState.Faulted)
        {
            return false;
        }
        ref readonly var e = ref _pipeline.Ring[next];
        bool fill = e.Kind == InboundKind.Execution
            && e.Execution.Kind is ExecutionKind.Fill or ExecutionKind.PartialFill
            && (uint)e.Execution.InstrumentId < (uint)positions.Instruments;
        var report = e.Execution;
        Order order = default;
        Position before = default;
        if (fill)
        {
            var orders = _pipeline.Router.Orders;
            int slot = orders.Find(report.ClientOrderId);
            order = slot >= 0 ? orders[slot] : default;
            before = positions[report.InstrumentId];
        }
        long refusedBefore = fill ? _pipeline.Router.Snapshot.FillsRefusedByPositions : 0;
        long startTicks = Stopwatch.GetTimestamp();
        processor.RunAvailable(1);
        long elapsed = Stopwatch.GetTimestamp() - startTicks;
        var latency = _recorder.Latency;
        latency.RecordValue(Math.Min((long)(elapsed * (1e9 / Stopwatch.Frequency)), latency.HighestTrackableValue));
        // A fill the positions refused is not in the P&L, so it is not in the fills, notional and trips either (the report counts it).
        if (fill && _pipeline.Router.Snapshot.FillsRefusedByPositions == refusedBefore)
        {
            _recorder.OnFill(in report, in order, in before, in positions[report.InstrumentId], _notionalDecimals[report.InstrumentId]);
        }
        return true;
    }

    private void PublishMarket(in MarketDataEvent market)
    {
        using var claim = _pipeline.Ring.Claim();
        ref var slot = ref claim.Event;
        slot.Kind = InboundKind.MarketData;
        slot.Market = market;
        slot.TsPublishTicks = Stopwatch.GetTimestamp();
    }
}
