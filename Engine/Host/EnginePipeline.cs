using System.Diagnostics;
using Engine.Admin;
using Engine.Book;
using Engine.Config;
using Engine.MarketData;
using Engine.Metrics;
using Engine.Orders;
using Engine.Orders.Twap;
using Engine.Pipeline;
using Engine.Ring;
using Engine.Ring.WaitStrategies;
using Engine.Risk;
using Engine.Strategies;
using Engine.Venues;
using Engine.Venues.Paper;
using Microsoft.Extensions.Logging;

namespace Engine.Host;

/// <summary>
/// The pipeline every mode runs, wired once from validated options: the inbound ring, the handler
/// chain (books, risk, strategy, TWAP, router, the paper venue when it is the venue, counter) and its
/// processor, and the outbound ring the router writes for the venue.
/// </summary>
/// <remarks>
/// Built on the host/control thread. <see cref="EngineHost"/> runs the processor on the pinned loop
/// thread (and, for Alpaca, a gateway thread on the outbound ring); a backtest
/// (<see cref="Backtest.BacktestRunner"/>) steps it event by event. Either way the stages, their order
/// and their options are these.
/// </remarks>
public sealed class EnginePipeline
{
    /// <summary>
    /// Wires the pipeline on <paramref name="clock"/> with <paramref name="strategy"/> (null: none);
    /// <paramref name="chainLatency"/> (a harness's) records each event's time from publish to the end
    /// of the chain. With
    /// <paramref name="watchAnswers"/> the router holds the venue to <c>orders.ackTimeoutMs</c> in wall
    /// time (the engine live or on paper; not a backtest, whose venue answers in recorded time).
    /// With <paramref name="venue"/> <see cref="VenueKind.Paper"/> (a backtest's, whatever <c>venues.kind</c>
    /// says) the paper venue is a stage of the chain; <paramref name="wrapVenue"/> (a harness's) wraps its command handler.
    /// </summary>
    public EnginePipeline(EngineOptions options, VenueKind venue, IClock clock, IStrategy? strategy, ILogger loopLogger, LatencyRecorder? chainLatency = null, bool watchAnswers = false, Func<IVenueHandler, IVenueHandler>? wrapVenue = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        Ring = RingBuffer<InboundEvent>.Create(options.Ring.Producers, options.Ring.Slots, WaitStrategyFactory.Create(options.Ring.WaitStrategy));
        Books = new OrderBooks(options.Book);
        Risk = RiskStage.Create(options.Risk, options.Slippage, options.Positions, Books, LimitsMailbox, clock);
        Admin = new AdminMailbox(options.Orders.Capacity);
        Outbound = RingBuffer<OrderCommand>.Create(ProducerType.Single, options.Orders.OutboundSlots, new YieldingWaitStrategy());
        Router = new RouterStage(Risk, new OrderTable(options.Orders.Capacity), Outbound, new ClientOrderIds(clock.UtcNowNs()), clock, Admin, watchAnswers ? options.Orders.AckTimeoutMs : 0);
        Strategy = new StrategyStage(strategy, new StrategyContext(Books, Risk, Router.Ids, clock, Router.Orders), StrategyParameters);
        Twap = new TwapStage(clock, Router.Ids, TwapParents, Admin);
        Counter = new EventCounter(chainLatency);
        Faults = new LoggingExceptionHandler(options.Pipeline.FaultPolicy, loopLogger);
        if (venue == VenueKind.Paper)
        {
            // Live feeds alone stamp events on the wall clock: the venue's time may then follow it between events.
            var paper = new PaperVenueHandler(new PaperMatcher(options.Venues.Paper, Books), options.Sources() == MarketDataSources.Live ? clock : null);
            Paper = new PaperVenueStage(paper, new VenueInputs(Outbound), new BufferedExecutionSink(Ring, options.Orders.ReportQueue), wrapVenue?.Invoke(paper));
        }
        // The loop ticks itself when idle (pipeline.tickMs): its processor calls the ticker from its wait.
        Ticker = options.Pipeline.TickMs > 0 ? new LoopTicker(Ring) : null;
        Processor = new BatchEventProcessor<InboundEvent, HandlerChain>(
            Ring,
            Ring.NewBarrier(),
            new HandlerChain(Books, Risk, Strategy, Twap, Router, Paper, Counter),
            Faults,
            options.Ring.MaxBatchSize,
            Ticker is null ? 0 : options.Pipeline.TickMs * Stopwatch.Frequency / 1_000,
            Ticker is null ? null : Ticker.Tick);
        Ring.AddGatingSequences(Processor.Sequence);
    }

    /// <summary>The inbound ring: market data, execution reports and commands.</summary>
    public RingBuffer<InboundEvent> Ring { get; }

    /// <summary>The outbound ring: the router's commands for the venue.</summary>
    public RingBuffer<OrderCommand> Outbound { get; }

    /// <summary>The loop's tick in a quiet market (<c>pipeline.tickMs</c>); null when off.</summary>
    internal LoopTicker? Ticker { get; }

    /// <summary>The processor running the chain over the inbound ring.</summary>
    public BatchEventProcessor<InboundEvent, HandlerChain> Processor { get; }

    /// <summary>The paper venue's stage of the chain; null when the venue is Alpaca (its gateway thread reads <see cref="Outbound"/>).</summary>
    public PaperVenueStage? Paper { get; }

    /// <summary>The policy for handler faults (counted and logged).</summary>
    public LoggingExceptionHandler Faults { get; }

    /// <summary>The order books: stage 1.</summary>
    public OrderBooks Books { get; }

    /// <summary>Positions, breaker and the pre-trade checks.</summary>
    public RiskStage Risk { get; }

    /// <summary>Where a reload leaves new risk limits for the loop.</summary>
    public Mailbox<RiskLimits> LimitsMailbox { get; } = new();

    /// <summary>Where the router answers the operator's commands.</summary>
    public AdminMailbox Admin { get; }

    /// <summary>Orders out, execution reports in.</summary>
    public RouterStage Router { get; }

    /// <summary>The strategy stage.</summary>
    public StrategyStage Strategy { get; }

    /// <summary>Where a reload leaves the strategy's new parameters for the loop.</summary>
    public Mailbox<StrategyOptions> StrategyParameters { get; } = new();

    /// <summary>The TWAP stage.</summary>
    public TwapStage Twap { get; }

    /// <summary>Where the admin side leaves a TWAP parent for the loop to start.</summary>
    public Mailbox<TwapParent> TwapParents { get; } = new();

    /// <summary>The counting stage.</summary>
    public EventCounter Counter { get; }
}
