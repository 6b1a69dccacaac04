using Engine.Config;
using Engine.Risk;
using Engine.Strategies;

namespace Engine.Backtest;

/// <summary>What one backtest runs: the data, its format, the strategy and where the report goes (the command line of <c>engine backtest</c>).</summary>
public sealed record BacktestOptions
{
    /// <summary>Seconds in a year of US equity trading: 252 sessions of 6.5 hours (LOBSTER and ITCH data).</summary>
    public const double EquitySecondsPerYear = 252 * 6.5 * 3600;

    /// <summary>Seconds in a calendar year: crypto trades around the clock (Kraken data).</summary>
    public const double CryptoSecondsPerYear = 365 * 24 * 3600;

    /// <summary>The exchange time zone of LOBSTER and ITCH times (nanoseconds after midnight, New York).</summary>
    public const string ExchangeTimeZone = "America/New_York";

    /// <summary>The data file (for LOBSTER, the message file).</summary>
    public required string DataPath { get; init; }

    /// <summary>The data's format.</summary>
    public required BacktestFormat Format { get; init; }

    /// <summary>LOBSTER only: the orderbook file, whose rows then are the book.</summary>
    public string? OrderbookPath { get; init; }

    /// <summary>ITCH and Kraken: the instruments to trade (ITCH: else the most active; Kraken: else every pair).</summary>
    public IReadOnlyList<string>? Symbols { get; init; }

    /// <summary>The strategy (<c>strategy.name</c>) when given on the command line, else the configuration's.</summary>
    public StrategyKind? Strategy { get; init; }

    /// <summary>The report's directory.</summary>
    public required string OutDirectory { get; init; }

    /// <summary>The capital returns, drawdown percentages and turnover are measured against, cents; null: <c>risk.maxGrossNotionalCents</c>, the largest exposure risk allows.</summary>
    public long? CapitalCents { get; init; }

    /// <summary>The equity curve's sampling interval and the return interval of Sharpe and Sortino, milliseconds of venue time.</summary>
    public int IntervalMs { get; init; } = 1_000;

    /// <summary>The seconds in a year of trading of this data, for annualising (<see cref="EquitySecondsPerYear"/> or <see cref="CryptoSecondsPerYear"/>).</summary>
    public double SecondsPerYear => Format == BacktestFormat.Kraken ? CryptoSecondsPerYear : EquitySecondsPerYear;

    /// <summary>
    /// LOBSTER and ITCH: the trading day, whose midnight in New York the times (after midnight) are
    /// moved to, so the clock is the real one (the breaker's session start, the report's times); null:
    /// for LOBSTER the date in the file name (<c>AAPL_2012-06-21_...</c>), else none (times stay after
    /// midnight of 1970-01-01).
    /// </summary>
    public DateOnly? Date { get; init; }

    /// <summary>Loads the data (whole, off the loop), on the trading day's clock; throws <see cref="BacktestException"/> on data that cannot run.</summary>
    public BacktestData Load(int books) => Load(Format, DataPath, OrderbookPath, Symbols, Date, books);

    /// <summary>
    /// Loads a recorded file (whole, off the loop) as the backtest and the paper replay take it: the
    /// instruments at ids 0.., the events on the trading day's clock (<see cref="TradingDay(BacktestFormat, string, DateOnly?)"/>).
    /// Throws <see cref="BacktestException"/> on data that cannot run.
    /// </summary>
    public static BacktestData Load(BacktestFormat format, string dataPath, string? orderbookPath, IReadOnlyList<string>? symbols, DateOnly? date, int books)
    {
        var data = format switch
        {
            BacktestFormat.Lobster => LobsterBacktestData.Load(dataPath, orderbookPath),
            BacktestFormat.Itch => ItchBacktestData.Load(dataPath, symbols, books),
            _ => KrakenBacktestData.Load(dataPath, symbols, books),
        };
        if (TradingDay(format, dataPath, date) is { } day)
        {
            long midnightNs = MidnightUnixNs(day);
            foreach (ref var e in data.Events.AsSpan())
            {
                e.TsEventNs += midnightNs;
            }
        }
        return data;
    }

    /// <summary>The day a file's times count from: <paramref name="date"/>, else a LOBSTER file name's date; null for Kraken (Unix times already).</summary>
    private static DateOnly? TradingDay(BacktestFormat format, string dataPath, DateOnly? date)
    {
        if (format == BacktestFormat.Kraken)
        {
            return null;
        }
        if (date is { } day)
        {
            return day;
        }
        if (format == BacktestFormat.Lobster)
        {
            string[] parts = Path.GetFileName(dataPath).Split('_');
            if (parts.Length > 1 && DateOnly.TryParseExact(parts[1], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var named))
            {
                return named;
            }
        }
        return null;
    }

    /// <summary>Midnight of <paramref name="day"/> in New York, Unix nanoseconds.</summary>
    public static long MidnightUnixNs(DateOnly day)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(ExchangeTimeZone);
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        var utc = TimeZoneInfo.ConvertTimeToUtc(local, zone);
        return (utc - DateTime.UnixEpoch).Ticks * 100;
    }

    /// <summary>
    /// Fits <paramref name="options"/> to the run: the strategy, and for every instrument of
    /// <paramref name="data"/> a <c>risk.instruments</c> entry at the data's price decimals (a new one
    /// like <c>risk.defaults</c>, or the configured one with its decimals set to the data's: a recorded
    /// file's prices have the scale they have), so risk and positions read the ticks as the file means
    /// them. Returns a note for every configured entry whose decimals it changed. Throws
    /// <see cref="BacktestException"/> when the instruments do not fit the books or the result does not validate.
    /// </summary>
    public IReadOnlyList<string> Apply(EngineOptions options, BacktestData data)
    {
        var notes = new List<string>();
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(data);
        if (Strategy is { } strategy)
        {
            options.Strategy.Name = strategy;
        }
        if (data.Instruments.Count > options.Book.Instruments)
        {
            throw new BacktestException($"the data has {data.Instruments.Count} instruments but book.instruments is {options.Book.Instruments}");
        }
        foreach (var instrument in data.Instruments)
        {
            var entry = options.Risk.Instruments.Find(e => e.InstrumentId == instrument.Id);
            if (entry is null)
            {
                options.Risk.Instruments.Add(options.Risk.Defaults with { InstrumentId = instrument.Id, PriceDecimals = instrument.PriceDecimals, QuantityDecimals = instrument.QuantityDecimals });
                continue;
            }
            if (entry.PriceDecimals != instrument.PriceDecimals)
            {
                notes.Add($"risk.instruments[id {instrument.Id}].priceDecimals {entry.PriceDecimals} -> {instrument.PriceDecimals}: {instrument.Symbol}'s prices in the data have {instrument.PriceDecimals} decimals");
            }
            if (entry.QuantityDecimals != instrument.QuantityDecimals)
            {
                notes.Add($"risk.instruments[id {instrument.Id}].quantityDecimals {entry.QuantityDecimals} -> {instrument.QuantityDecimals}: {instrument.Symbol}'s quantities in the data have {instrument.QuantityDecimals} decimals");
            }
            options.Risk.Instruments[options.Risk.Instruments.IndexOf(entry)] = entry with { PriceDecimals = instrument.PriceDecimals, QuantityDecimals = instrument.QuantityDecimals };
        }
        // A backtest always trades on the paper venue, whatever the file says for live running.
        if (options.Venues is not null)
        {
            options.Venues.Kind = Venues.VenueKind.Paper;
        }
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new BacktestException(string.Join(Environment.NewLine, problems));
        }
        return notes;
    }

    /// <summary>The capital for the report: <see cref="CapitalCents"/>, else <c>risk.maxGrossNotionalCents</c>.</summary>
    public long CapitalFor(RiskOptions risk)
    {
        ArgumentNullException.ThrowIfNull(risk);
        return CapitalCents ?? risk.MaxGrossNotionalCents;
    }
}
