using System.Numerics;
using Engine.Admin;
using Engine.Book;
using Engine.Logging;
using Engine.MarketData;
using Engine.Metrics;
using Engine.Orders;
using Engine.Pipeline;
using Engine.Positions;
using Engine.Ring;
using Engine.Risk;
using Engine.Slippage;
using Engine.Strategies;
using Engine.Venues;
using Engine.Venues.Alpaca;
using Feeds.Kraken;
using Feeds.Synthetic;

namespace Engine.Config;

/// <summary>The whole configuration of the engine, as read from <c>config/engine.json</c>.</summary>
/// <remarks>
/// Options have setters because the source-generated JSON reader gives omitted init-only
/// properties their zero value instead of the default written here. Nothing changes them after
/// <see cref="ConfigLoader"/> has validated them.
/// </remarks>
public sealed record EngineOptions
{
    /// <summary>The inbound ring.</summary>
    public RingOptions Ring { get; set; } = new();

    /// <summary>The business-logic loop.</summary>
    public PipelineOptions Pipeline { get; set; } = new();

    /// <summary>The order books: how many, and their fixed sizes.</summary>
    public BookOptions Book { get; set; } = new();

    /// <summary>The pre-trade risk limits, per instrument with defaults, and the circuit breaker. Reloaded on SIGHUP (except <c>risk.breaker</c>).</summary>
    public RiskOptions Risk { get; set; } = new();

    /// <summary>The slippage estimator's market-impact model, per instrument with defaults.</summary>
    public SlippageOptions Slippage { get; set; } = new();

    /// <summary>Position bounds and the stop-loss and trailing-stop monitors.</summary>
    public PositionsOptions Positions { get; set; } = new();

    /// <summary>Sizes of the order path: order table, outbound ring, report queue.</summary>
    public OrdersOptions Orders { get; set; } = new();

    /// <summary>The venues, and which one orders go to.</summary>
    public VenueOptions Venues { get; set; } = new();

    /// <summary>The Prometheus endpoint.</summary>
    public MetricsOptions Metrics { get; set; } = new();

    /// <summary>The operator's admin endpoint.</summary>
    public AdminOptions Admin { get; set; } = new();

    /// <summary>The strategy (handler 2) and its parameters.</summary>
    public StrategyOptions Strategy { get; set; } = new();

    /// <summary>The built-in synthetic market.</summary>
    public SyntheticFeedOptions Synthetic { get; set; } = new();

    /// <summary>The live market-data feeds (Kraken, Alpaca), off by default; their instruments follow the synthetic ones.</summary>
    public FeedsOptions Feeds { get; set; } = new();
    /// <summary>The structured log: format, levels per category, file and rotation. Levels are reloaded on SIGHUP.</summary>
    public LoggingOptions Logging { get; set; } = new();

    /// <summary>Interval of the status line on stdout, milliseconds; 0 turns it off.</summary>
    public int StatusIntervalMs { get; set; } = 1_000;

    /// <summary>Every problem with the configuration, each with its key path; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        Ring.Validate("ring", errors);
        Pipeline.Validate("pipeline", errors);
        Book.Validate("book", errors);
        Risk.Validate("risk", errors, Book.Instruments);
        Slippage.Validate("slippage", errors, Book.Instruments);
        Positions.Validate("positions", errors);
        Orders.Validate("orders", errors);
        Venues.Validate("venues", errors);
        Admin.Validate("admin", errors);
        Metrics.Validate("metrics", errors);
        Synthetic.Validate("synthetic", errors);
        Strategy.Validate("strategy", errors, Book.Instruments, Risk);
        Feeds.Validate("feeds", errors, Synthetic.ActiveInstruments(), Book, Venues.Kind == VenueKind.Alpaca && Venues.Alpaca?.Mode == AlpacaTradingMode.Live);
        Logging.Validate("logging", errors);
        if (StatusIntervalMs is < 0 or > 3_600_000)
        {
            errors.Add($"statusIntervalMs: {StatusIntervalMs} is outside 0..3600000 (0 = off)");
        }
        if (Ring.Producers == ProducerType.Single)
        {
            errors.Add("ring.producers: Single cannot serve the engine: feed threads and the control thread (reload, kill) both publish; use Multi");
        }
        if (Book.Instruments < Synthetic.ActiveInstruments())
        {
            errors.Add($"book.instruments: {Book.Instruments} is fewer than synthetic.instruments ({Synthetic.Instruments}); every instrument needs a book");
        }
        ValidateMarketDataSources(errors);
        ValidateQuantityScales(errors);
        return errors;
    }

    /// <summary>
    /// Each instrument's quantity decimals match what its feed and venue count in: Kraken's volumes are
    /// in 10^-8 of a coin, and the Alpaca gateway sends whole quantities. A wrong scale would misjudge
    /// every notional, P&amp;L and fee of the instrument by powers of ten.
    /// </summary>
    private void ValidateQuantityScales(List<string> errors)
    {
        if (Risk?.Instruments is null || Risk.Defaults is null || Feeds is null || Venues is null || Synthetic is null || Book is null || Book.Instruments is < 1 or > 100_000)
        {
            return; // reported by their own validation
        }
        int[] decimals = Risk.QuantityDecimalsOf(Book.Instruments);
        if (Feeds.Kraken is { Enabled: true, Pairs: { } pairs })
        {
            // The pairs take the ids right after the synthetic market's (FeedsOptions.Instruments).
            for (int i = 0, id = Synthetic.ActiveInstruments(); i < pairs.Count && id < decimals.Length; i++, id++)
            {
                if (decimals[id] != KrakenBook.VolumeDecimals)
                {
                    errors.Add($"risk.instruments: {pairs[i]} (instrument id {id}) comes from Kraken, whose volumes are in 10^-{KrakenBook.VolumeDecimals} of a coin; give it an entry {{ \"instrumentId\": {id}, \"quantityDecimals\": {KrakenBook.VolumeDecimals} }} (its quantity limits and the strategy's sizes are then in those units too)");
                }
            }
        }
        if (Venues.Kind == VenueKind.Alpaca)
        {
            for (int i = 0; i < decimals.Length; i++)
            {
                if (decimals[i] != 0)
                {
                    errors.Add($"risk.instruments: instrument id {i} has quantityDecimals {decimals[i]}, but the Alpaca venue sends whole quantities; fractional orders are not supported");
                }
            }
        }
    }

    /// <summary>The sources of market data enabled (read it once the options have validated). A method, not a property: derived, so not a key of the file.</summary>
    public MarketDataSources Sources() =>
        (Synthetic.Enabled ? MarketDataSources.Synthetic : MarketDataSources.None)
        | (Feeds.Replay.Enabled ? MarketDataSources.Replay : MarketDataSources.None)
        | (Feeds.AnyLive() ? MarketDataSources.Live : MarketDataSources.None);

    /// <summary>
    /// Some market data to run on, and, when the paper venue simulates latency, one clock to simulate it
    /// in: the venue's clock is the latest event time of any source, and the sources' clocks keep apart
    /// (<see cref="MarketDataSources"/>), so the instruments of the source behind would get no latency.
    /// </summary>
    private void ValidateMarketDataSources(List<string> errors)
    {
        if (Feeds?.Replay is null || Venues?.Paper is null)
        {
            return; // reported by their own validation
        }
        var sources = Sources();
        if (sources == MarketDataSources.None)
        {
            errors.Add("synthetic.enabled: false with no feed enabled (feeds.kraken, feeds.alpaca, feeds.replay): the engine would have no market data");
        }
        bool simulatesLatency = Venues.Paper.EntryLatencyUs > 0 || Venues.Paper.ReportLatencyUs > 0;
        if (Venues.Kind == VenueKind.Paper && simulatesLatency && BitOperations.PopCount((uint)sources) > 1)
        {
            errors.Add($"venues.paper.entryLatencyUs / reportLatencyUs: the paper venue simulates latency on one clock, the latest event time of any source, and {SourceNames(sources)} keep different times: the instruments of the source behind would get none. Run one source (synthetic.enabled: false for a feed alone) or set both latencies to 0");
        }
    }

    private static string SourceNames(MarketDataSources sources)
    {
        var names = new List<string>(3);
        if (sources.HasFlag(MarketDataSources.Synthetic))
        {
            names.Add("the synthetic market");
        }
        if (sources.HasFlag(MarketDataSources.Replay))
        {
            names.Add("feeds.replay");
        }
        if (sources.HasFlag(MarketDataSources.Live))
        {
            names.Add("the live feeds");
        }
        return string.Join(" and ", names);
    }
}
