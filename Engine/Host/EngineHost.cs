using Engine.Admin;
using Engine.Backtest;
using Engine.Book;
using Engine.Config;
using Engine.MarketData;
using Engine.Orders;
using Engine.Orders.Twap;
using Engine.Pipeline;
using Engine.Ring;
using Engine.Ring.WaitStrategies;
using Engine.Risk;
using Engine.Strategies;
using Engine.Venues;
using Engine.Venues.Alpaca;
using Engine.Venues.Paper;
using Feeds;
using Feeds.Instruments;
using Feeds.Synthetic;
using Feeds.Transport;
using Microsoft.Extensions.Logging;

namespace Engine.Host;

/// <summary>
/// The composition root: builds the inbound ring, the handler chain, the pinned loop and the feeds
/// (synthetic threads; the live Kraken and Alpaca feeds and the replay of a recorded file when
/// <c>feeds.kraken</c>, <c>feeds.alpaca</c>, <c>feeds.replay</c> are enabled) from validated options,
/// starts them, and stops them in order.
/// </summary>
/// <remarks>Called from the host/control thread only.</remarks>
public sealed class EngineHost : IDisposable
{
    private readonly EngineOptions _options;
    private readonly EnginePipeline _pipeline;
    private readonly RingBuffer<InboundEvent> _ring;
    private readonly BatchEventProcessor<InboundEvent, HandlerChain> _processor;
    private readonly LoggingExceptionHandler _faults;
    private readonly LoopThread _loop;
    private readonly SyntheticMarketFeed[] _feeds;
    private readonly List<Thread> _feedThreads = [];
    private readonly List<RingMarketDataSink> _feedSinks = [];
    private readonly List<LiveFeed> _live = [];
    private readonly CancellationTokenSource _stopFeeds = new();
    private readonly VenueThread? _venue;
    private readonly BufferedExecutionSink _venueReports;
    private static readonly TimeSpan FeedJoinSlice = TimeSpan.FromMilliseconds(10);

    private bool _feedsStarted;

    /// <summary>
    /// Wires the engine on <paramref name="clock"/> (the system clock unless given). Nothing runs until
    /// <see cref="Start"/>. With <c>venues.kind: Alpaca</c> or <c>feeds.alpaca.enabled</c> Alpaca's credentials are read here, through
    /// <paramref name="environment"/> (<see cref="Environment.GetEnvironmentVariable(string)"/> when
    /// null) or systemd credential files, and a missing or blank one refuses the start.
    /// </summary>
    public EngineHost(EngineOptions options, ILoggerFactory loggers, IClock? clock = null, Func<string, string?>? environment = null)
        : this(options, loggers, clock, environment, hooks: null)
    {
    }

    /// <summary>Wires the engine as the public constructor does, with a harness's <paramref name="hooks"/> (null: none).</summary>
    internal EngineHost(EngineOptions options, ILoggerFactory loggers, IClock? clock, Func<string, string?>? environment, EngineHostHooks? hooks)
    {
        _options = options;
        clock ??= new SystemClock();
        bool alpaca = options.Venues.Kind == VenueKind.Alpaca;
        _pipeline = new EnginePipeline(options, options.Venues.Kind, clock, hooks?.Strategy ?? StrategyFactory.Create(options.Strategy, options.Book.Instruments), loggers.CreateLogger("Engine.Loop"), hooks?.ChainLatency, watchAnswers: true, hooks?.WrapVenue);
        if (hooks?.Strategy is null && options.Strategy.Name == StrategyKind.Plugin)
        {
            HostLog.StrategyPlugin(loggers.CreateLogger("Engine"), _pipeline.Strategy.Strategy!, options.Strategy.Plugin);
        }
        _ring = _pipeline.Ring;
        _processor = _pipeline.Processor;
        _faults = _pipeline.Faults;
        Books = _pipeline.Books;
        Instruments = BuildInstruments(options);
        ReplayFeed? replay = null;
        if (options.Feeds.Replay.Enabled)
        {
            var replaySink = new RingMarketDataSink(_ring);
            replay = BuildReplay(options, Instruments, replaySink, loggers.CreateLogger("Engine"));
            _feedSinks.Add(replaySink);
        }
        Risk = _pipeline.Risk;
        Admin = _pipeline.Admin;
        Router = _pipeline.Router;
        Strategy = _pipeline.Strategy;
        Twap = _pipeline.Twap;
        Counter = _pipeline.Counter;
        var credentials = alpaca || options.Feeds.Alpaca.Enabled
            ? ApiCredentials.FromEnvironmentOrCredentialFiles(AlpacaTradingOptions.KeyIdVariable, AlpacaTradingOptions.SecretKeyVariable, environment)
            : null;
        if (alpaca)
        {
            Alpaca = new AlpacaGateway(options.Venues.Alpaca, credentials!, Instruments, loggers);
            var handler = hooks?.WrapVenue is { } wrap ? wrap(Alpaca.Handler) : Alpaca.Handler;
            _venueReports = new BufferedExecutionSink(_ring, options.Orders.ReportQueue);
            _venue = new VenueThread("venue-alpaca", new VenueInputs(_pipeline.Outbound), handler, _venueReports, options.Venues.CpuSet, loggers.CreateLogger("Engine.Venue"));
        }
        else
        {
            _venueReports = _pipeline.Paper!.Reports;
        }
        Paper = _pipeline.Paper?.Venue;
        _loop = new LoopThread(_processor, options.Pipeline.Thread, loggers.CreateLogger("Engine.LoopThread"));

        _feeds = new SyntheticMarketFeed[options.Synthetic.ActiveThreads()];
        var health = new List<FeedHealth>(_feeds.Length + 3);
        for (int i = 0; i < _feeds.Length; i++)
        {
            var feedHealth = new FeedHealth($"synthetic-{i}");
            var feed = new SyntheticMarketFeed(options.Synthetic, i, new RingMarketDataSink(_ring), feedHealth);
            _feeds[i] = feed;
            _feedThreads.Add(FeedThread($"feed-synth-{i}", feed.Run, options.Feeds.CpuSet, loggers));
            health.Add(feedHealth);
        }
        if (replay is not null)
        {
            _feedThreads.Add(FeedThread("feed-replay", replay.Run, options.Feeds.CpuSet, loggers));
            health.Add(replay.Health);
        }
        if (options.Feeds.Kraken.Enabled)
        {
            _live.Add(LiveFeed.Kraken(options.Feeds.Kraken, Instruments, new RingMarketDataSink(_ring), loggers));
        }
        if (credentials is not null && options.Feeds.Alpaca.Enabled)
        {
            _live.Add(LiveFeed.Alpaca(options.Feeds.Alpaca, credentials, Instruments, new RingMarketDataSink(_ring), loggers));
        }
        foreach (var feed in _live)
        {
            health.Add(feed.Health);
            _feedSinks.Add(feed.Sink);
        }
        Feeds = health;
    }

    /// <summary>The order books, the chain's first stage; read them only after <see cref="Stop"/>.</summary>
    public OrderBooks Books { get; }

    /// <summary>The risk stage: positions, breaker and checks; read its <see cref="RiskStage.Snapshot"/> from any thread.</summary>
    public RiskStage Risk { get; }

    /// <summary>The router: orders, their commands and the venues' reports; read its <see cref="RouterStage.Snapshot"/> from any thread.</summary>
    public RouterStage Router { get; }

    /// <summary>The paper venue, a stage of the loop (null when trading on Alpaca); read its matcher only after <see cref="Stop"/>.</summary>
    public PaperVenueHandler? Paper { get; }

    /// <summary>The venue's reports on their way into the inbound ring: waiting for room, and how often the queue grew. Any thread.</summary>
    public BufferedExecutionSink VenueReports => _venueReports;

    /// <summary>The loop's tick in a quiet market (<c>pipeline.tickMs</c>), for its counts; null when off.</summary>
    internal LoopTicker? Ticker => _pipeline.Ticker;

    /// <summary>The Alpaca venue (null on the paper venue).</summary>
    public AlpacaGateway? Alpaca { get; }

    /// <summary>Whether the venue takes orders now: always for the paper venue; for Alpaca, while its stream is up and reconciled. Any thread.</summary>
    public bool VenueReady => Alpaca is null || Alpaca.Handler.IsReady;

    /// <summary>Where the router answers the operator's commands.</summary>
    public AdminMailbox Admin { get; }

    /// <summary>The strategy stage (handler 2), after risk has marked positions; its intents go through the checks.</summary>
    public StrategyStage Strategy { get; }

    /// <summary>Where a reload leaves the strategy's new parameters for the loop (<see cref="ControlCommand.ApplyStrategyParameters"/>).</summary>
    public Mailbox<StrategyOptions> StrategyParameters => _pipeline.StrategyParameters;

    /// <summary>The TWAP stage, between risk and the router; parents reach it through <see cref="TwapParents"/>.</summary>
    public TwapStage Twap { get; }

    /// <summary>Where the admin side leaves a TWAP parent it built for the loop to start (<see cref="ControlCommand.StartTwap"/>).</summary>
    public Mailbox<TwapParent> TwapParents => _pipeline.TwapParents;

    /// <summary>The instruments by symbol: the synthetic market's <c>SYN0</c>..<c>SYNn-1</c>, then the Kraken pairs, the Alpaca symbols and the replayed file's (when those feeds are on).</summary>
    public InstrumentTable Instruments { get; }

    /// <summary>The health of every feed the engine runs (<c>synthetic-0</c>.., <c>replay</c>, <c>kraken</c>, <c>alpaca</c>), for metrics and readiness. Any thread.</summary>
    public IReadOnlyList<FeedHealth> Feeds { get; }

    /// <summary>The counting stage of the chain, for status and summary.</summary>
    public EventCounter Counter { get; }

    /// <summary>State of the loop; <see cref="ProcessorState.Faulted"/> means the engine must stop.</summary>
    public ProcessorState LoopState => _processor.State;

    /// <summary>The inbound ring, for a harness that publishes its own events (after <see cref="StartPipeline"/>).</summary>
    internal RingBuffer<InboundEvent> Inbound => _ring;

    /// <summary>Starts the venue (for Alpaca: the start-up reconciliation, then its stream), the loop, then the feeds.</summary>
    public void Start()
    {
        StartPipeline();
        _feedsStarted = true;
        foreach (var thread in _feedThreads)
        {
            thread.Start();
        }
        foreach (var feed in _live)
        {
            feed.Start();
        }
    }

    /// <summary>Starts the venue and the loop but no feed: a harness publishes into <see cref="Inbound"/> itself.</summary>
    internal void StartPipeline()
    {
        Alpaca?.Start(CancellationToken.None);
        _venue?.Start();
        _loop.Start();
    }

    /// <summary>
    /// Puts the risk limits of <paramref name="reloaded"/> in force on the running loop (they must
    /// have validated; the same instruments). Only <c>risk</c> changes, except <c>risk.breaker</c>.
    /// Control thread; the loop applies them when the command reaches it.
    /// </summary>
    public void ReloadRiskLimits(EngineOptions reloaded)
    {
        ArgumentNullException.ThrowIfNull(reloaded);
        _pipeline.LimitsMailbox.Post(RiskLimits.Build(reloaded.Risk, Books.Count));
        Send(ControlCommand.ApplyRiskLimits);
    }

    /// <summary>
    /// Hands the running strategy new parameters (validated; the same <c>strategy.name</c>): they wait in
    /// <see cref="StrategyParameters"/> until the loop takes them at <see cref="ControlCommand.ApplyStrategyParameters"/>.
    /// Control thread.
    /// </summary>
    public void ReloadStrategyParameters(StrategyOptions reloaded)
    {
        ArgumentNullException.ThrowIfNull(reloaded);
        StrategyParameters.Post(reloaded);
        Send(ControlCommand.ApplyStrategyParameters);
    }

    /// <summary>Sends an operator command (kill, resume, reduce-only) to the loop through the inbound ring. Control thread.</summary>
    public void Send(ControlCommand command) => Send(command, default, 0);

    /// <summary>Sends a command that carries an order (place, cancel) and a request number for its answer. Control thread.</summary>
    public void Send(ControlCommand command, in OrderIntent intent, long requestId)
    {
        using var claim = _ring.Claim();
        claim.Event.SetCommand(command, in intent, requestId);
    }

    /// <summary>Reads the engine's counters. Any thread.</summary>
    public EngineStatus Status() => new(
        EventsProcessed: Counter.Total,
        EventsPublished: SumPublished(),
        RingOccupancy: Math.Max(0, _ring.Cursor - _processor.Sequence.Value),
        RingSlots: _ring.BufferSize,
        ClaimWaits: _ring.Sequencer.ClaimWaits,
        HandlerFaults: _faults.FaultCount,
        MaxDelayNs: Counter.MaxDelayNs,
        LoopPinned: _loop.IsPinned);

    /// <summary>
    /// Stops cleanly: the feeds stop publishing (a live feed closes its connection and publishes
    /// its books invalid), the loop processes everything already in the ring, then halts. Bounded
    /// by <c>pipeline.shutdownTimeoutMs</c>; returns false if a live feed did not stop or the
    /// loop did not drain in time, or the loop had faulted. Feed threads stuck on a full ring behind a faulted loop are
    /// background threads and are abandoned, not waited for.
    /// </summary>
    public bool Stop()
    {
        var timeout = TimeSpan.FromMilliseconds(_options.Pipeline.ShutdownTimeoutMs);
        var deadline = DateTime.UtcNow + timeout;
        if (_options.Pipeline.CancelOrdersOnStop && _processor.State == ProcessorState.Running)
        {
            CancelOpenOrders(deadline - (timeout / 2));
        }
        _stopFeeds.Cancel();
        bool liveEnded = true;
        foreach (var feed in _live)
        {
            var left = deadline - DateTime.UtcNow;
            liveEnded &= feed.Stop(left > TimeSpan.Zero ? left : TimeSpan.Zero);
        }
        foreach (var thread in _feedsStarted ? _feedThreads : [])
        {
            // A producer waits on back-pressure; once the loop has faulted nothing will free a slot.
            while (!thread.Join(FeedJoinSlice) && _processor.State != ProcessorState.Faulted && DateTime.UtcNow < deadline)
            {
            }
        }
        var remaining = deadline - DateTime.UtcNow;
        bool loopEnded = _loop.Stop(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero);
        // Alpaca's gateway finishes what the loop sent it; its last reports (and the paper venue's) stay in the ring, unread.
        remaining = deadline - DateTime.UtcNow;
        bool venueEnded = _venue is null || (_venue.Stop(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero) && _venue.Fault is null);
        return loopEnded && venueEnded && liveEnded && _processor.State == ProcessorState.Halted;
    }

    /// <summary>
    /// The ordered stop's first step: the router cancels every open order, and the host waits until
    /// the venue has confirmed (no open order left) or <paramref name="until"/>, whichever is first.
    /// </summary>
    private void CancelOpenOrders(DateTime until)
    {
        Send(ControlCommand.CancelAll);
        var spin = new SpinWait();
        long asked = Counter.Handled;
        // The snapshot is current once the loop has handled the command (its count moved past it).
        while (DateTime.UtcNow < until && (Counter.Handled <= asked || Risk.Snapshot.OpenOrders > 0))
        {
            spin.SpinOnce();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stopFeeds.Dispose();
        _venue?.Dispose();
        // Like the Alpaca stream below: the transports stop on their own tasks.
        foreach (var feed in _live)
        {
            feed.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        // The stream's transport stops on its own tasks; waiting here on the control thread is fine.
        Alpaca?.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>
    /// The synthetic market's instruments, <c>SYN0</c>.., then the live feeds' (<see cref="FeedsOptions.Instruments"/>),
    /// each at the price decimals of its risk limits (validation made sure the ids fit the books).
    /// </summary>
    private static InstrumentTable BuildInstruments(EngineOptions options)
    {
        var table = new InstrumentTable(options.Book.Instruments);
        int[] decimals = options.Risk.PriceDecimalsOf(options.Book.Instruments);
        for (int id = 0; id < options.Synthetic.ActiveInstruments(); id++)
        {
            table.GetOrAdd($"SYN{id}", decimals[id]);
        }
        foreach (var (symbol, venue) in options.Feeds.Instruments())
        {
            table.GetOrAdd(symbol, decimals[table.Count], venue: venue);
        }
        return table;
    }

    /// <summary>
    /// A thread for one of the engine's own feeds: bound to <paramref name="cpus"/> (<c>feeds.cpuSet</c>;
    /// one warning if it cannot be, and it runs anyway), then <paramref name="run"/> until the feeds stop.
    /// Off the loop's CPU, a feed that wakes for its next event never preempts the loop.
    /// </summary>
    private Thread FeedThread(string name, Action<CancellationToken> run, List<int> cpus, ILoggerFactory loggers) =>
        new(() =>
        {
            ThreadLog.PinCurrentThread(loggers.CreateLogger("Engine.Feeds"), name, cpus);
            run(_stopFeeds.Token);
        })
        { Name = name, IsBackground = true };

    /// <summary>
    /// Loads <c>feeds.replay</c>'s file and adds its instruments after the others, at the ids that
    /// follow; refuses (<see cref="ConfigException"/>) a file that cannot be read or run, no id left,
    /// instruments already another feed's, or risk decimals that differ from the file's; logs
    /// what the loader left out.
    /// </summary>
    private static ReplayFeed BuildReplay(EngineOptions options, InstrumentTable instruments, RingMarketDataSink sink, ILogger logger)
    {
        var replay = options.Feeds.Replay;
        const string Source = "feeds.replay";
        int offset = instruments.Count;
        int room = options.Book.Instruments - offset;
        if (room < 1)
        {
            throw new ConfigException(Source, [$"no instrument id is left for the file: the synthetic market and the live feeds take all {options.Book.Instruments} (book.instruments)"]);
        }
        BacktestData data;
        try
        {
            // The file's instruments get the ids that are left: an ITCH file's most active symbols, or its named ones, up to that many.
            data = BacktestOptions.Load(replay.Format, replay.Path, replay.OrderbookPath.Length > 0 ? replay.OrderbookPath : null,
                replay.Symbols.Count > 0 ? replay.Symbols : null, replay.Day(), room);
        }
        catch (Exception exception) when (exception is BacktestException or IOException or UnauthorizedAccessException)
        {
            throw new ConfigException(Source, [$"cannot replay '{replay.Path}': {exception.Message}"]);
        }
        // What the loader left out (a pair's decimals, another quote currency) is told, as the backtest tells it.
        foreach (string note in data.Problems)
        {
            HostLog.ReplayNote(logger, note);
        }
        var problems = new List<string>();
        if (data.NoEvents(replay.Path, replay.Format) is { } noEvents)
        {
            problems.Add(noEvents);
        }
        // The loaders chose at most `room` instruments, so the file's ids fit the books.
        int[] decimals = options.Risk.PriceDecimalsOf(options.Book.Instruments);
        int[] quantityDecimals = options.Risk.QuantityDecimalsOf(options.Book.Instruments);
        foreach (var instrument in data.Instruments)
        {
            int id = offset + instrument.Id;
            if (instruments.TryGetId(instrument.Symbol, out int taken))
            {
                problems.Add($"{instrument.Symbol} is already instrument {taken} of another feed; a symbol can come from one feed only (replay ITCH or Kraken with symbols that leave it out)");
            }
            else if (decimals[id] != instrument.PriceDecimals || quantityDecimals[id] != instrument.QuantityDecimals)
            {
                problems.Add($"{instrument.Symbol} (instrument id {id}) has prices of {instrument.PriceDecimals} decimals and quantities of {instrument.QuantityDecimals} in the file; give risk.instruments an entry {{ \"instrumentId\": {id}, \"priceDecimals\": {instrument.PriceDecimals}, \"quantityDecimals\": {instrument.QuantityDecimals} }}");
            }
        }
        if (problems.Count > 0)
        {
            throw new ConfigException(Source, problems);
        }
        foreach (var instrument in data.Instruments)
        {
            instruments.GetOrAdd(instrument.Symbol, instrument.PriceDecimals, venue: "REPLAY");
        }
        return new ReplayFeed(data.Events, data.Instruments.Count, offset, replay.Speed, sink);
    }

    private long SumPublished()
    {
        long total = 0;
        foreach (var feed in _feeds)
        {
            total += feed.Published;
        }
        foreach (var sink in _feedSinks)
        {
            total += sink.Published;
        }
        return total;
    }
}
