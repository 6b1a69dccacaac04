using System.Globalization;
using Engine.Config;
using Engine.Host;
using Engine.Replay;
using Engine.Strategies;

namespace Engine.Backtest;

/// <summary>
/// <c>engine backtest --data FILE --format lobster|itch|kraken ...</c>: runs recorded data through the
/// pipeline and the paper venue (<see cref="BacktestRunner"/>) and writes the report to the output
/// directory: <c>report.json</c> (<see cref="BacktestReport"/>) and <c>equity.png</c>
/// (<see cref="EquityChart"/>). The last stdout line is the summary JSON.
/// </summary>
/// <remarks>
/// Exit codes: 0 done (malformed input is skipped, counted in the report and told on stderr); 1 the
/// configuration is invalid, the data cannot run (no event in it, instruments that do not fit, an
/// unreadable file) or the chain halted on a fault; 64 bad arguments (a missing option or file, an unknown format or
/// strategy).
/// </remarks>
public static class BacktestCommand
{
    /// <summary>Usage text.</summary>
    public const string Usage =
        "usage: engine backtest --data FILE --format lobster|itch|kraken [--orderbook FILE (lobster)] [--symbols A,B (itch, kraken)]\n" +
        "                       [--date YYYY-MM-DD (lobster, itch)] [--strategy NAME] [--config PATH] [--out DIR] [--name NAME] [--capital-cents N] [--interval-ms N]";

    private const string ReportFile = "report.json";
    private const string ChartFile = "equity.png";

    /// <summary>Runs the backtest; <paramref name="strategy"/>, when given, runs instead of the configured one (tests).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, IStrategy? strategy = null)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var arguments = ReplayArguments.Parse(args);
        var run = Parse(arguments, out string? name, out string? configPath);
        if (run is null || arguments.Errors.Count > 0)
        {
            foreach (string error in arguments.Errors)
            {
                stderr.WriteLine($"backtest: {error}");
            }
            stderr.WriteLine(Usage);
            return 64;
        }
        try
        {
            var options = ConfigLoader.Load(configPath ?? CommandLine.DefaultConfigPath);
            var data = run.Load(options.Book.Instruments);
            foreach (string problem in data.Problems)
            {
                stderr.WriteLine($"backtest: {problem}");
            }
            if (data.NoEvents(run.DataPath, run.Format) is { } noEvents)
            {
                throw new BacktestException(noEvents);
            }
            foreach (string note in run.Apply(options, data))
            {
                stderr.WriteLine($"backtest: {note}");
            }
            if (options.Venues.Paper is { TakerFeeCentiBps: 0, MakerFeeCentiBps: 0, EntryLatencyUs: 0 })
            {
                stderr.WriteLine("backtest: the paper venue charges no fee and takes every order the instant it is sent (venues.paper.takerFeeCentiBps, makerFeeCentiBps, entryLatencyUs all 0): the P&L is before costs, and a marketable order's realised slippage is its estimate");
            }
            var report = Execute(run, name!, options, data, strategy ?? StrategyFactory.Create(options.Strategy, options.Book.Instruments));
            Directory.CreateDirectory(run.OutDirectory);
            string reportPath = Path.Combine(run.OutDirectory, ReportFile);
            string chartPath = Path.Combine(run.OutDirectory, ChartFile);
            File.WriteAllText(reportPath, report.ToJson(full: true));
            EquityChart.Write(chartPath, $"backtest {name}, strategy {report.StrategyName}", report.Currency, report.Recorder.Equity, report.Figures);
            if (report.RefusedFor.Count > 0)
            {
                stderr.WriteLine($"backtest: risk refused {report.IntentsRefused} of {report.IntentsChecked} intents (orders.refusedFor): {string.Join(", ", report.RefusedFor.Select(r => $"{r.Key} {r.Value}"))}; the limits are risk.* (docs/CONFIG.md)");
            }
            if (report.Runner.Pipeline.Router.Snapshot.FillsRefusedByPositions is > 0 and long refused)
            {
                stderr.WriteLine($"backtest: the position table refused {refused} of {report.Runner.Pipeline.Router.Snapshot.Fills} fills (orders.fillsRefusedByPositions): their price or position is outside positions.maxPriceTicks or positions.maxPositionQty, so the P&L leaves them out");
            }
            if (report.CrossedOrLockedEvents > 0)
            {
                stderr.WriteLine($"backtest: {report.CrossedOrLockedEvents} book updates left a book crossed or locked (crossedOrLockedEvents; {data.Events.Length} events in all): its touch and mid there are no tradable prices (a file that starts after the day's first orders lacks those resting before it), so fills and marks on such books flatter or punish the P&L");
            }
            if (report.BookErrors.Total > 0)
            {
                stderr.WriteLine($"backtest: the books could not apply {report.BookErrors.Total} events exactly (bookErrors): {report.BookErrors.Describe()}");
            }
            if (report.Runner.Pipeline.Faults.FaultCount > 0)
            {
                stderr.WriteLine($"backtest: {report.Runner.Pipeline.Faults.FaultCount} events made a handler throw and were skipped (handlerFaults)");
            }
            stdout.WriteLine(report.ToJson(full: false, [reportPath, chartPath]));
            return 0;
        }
        catch (Exception exception) when (exception is ConfigException or BacktestException or IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"backtest: {exception.Message}");
            return 1;
        }
    }

    /// <summary>Runs <paramref name="data"/> with <paramref name="options"/> (already fitted by <see cref="BacktestOptions.Apply"/>) and computes the report.</summary>
    public static BacktestReport Execute(BacktestOptions run, string name, EngineOptions options, BacktestData data, IStrategy? strategy)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(data);
        WarmUp(options);
        var recorder = new BacktestRecorder(options.Book.Instruments, run.IntervalMs * 1_000_000L, run.CapitalFor(options.Risk));
        var runner = new BacktestRunner(options, strategy, data, recorder);
        runner.Run();
        var figures = BacktestFigures.Compute(recorder, runner.Pipeline.Risk.Positions.Totals, run.SecondsPerYear);
        return new BacktestReport(run, name, data, recorder, figures, runner);
    }

    /// <summary>
    /// Compiles the pipeline's code before the run (<c>pipeline.warmUpEvents</c>, as <c>engine run</c>
    /// does), so that the report's latency is the pipeline's and not the JIT's: on the LOBSTER sample with
    /// the market maker, p50 1.6 us and max 6.3 ms without, 0.44 us and 50-68 us with.
    /// </summary>
    private static void WarmUp(EngineOptions options)
    {
        try
        {
            EngineWarmUp.Run(options);
        }
        catch (BacktestException exception)
        {
            throw new BacktestException($"the warm-up on a synthetic market (pipeline.warmUpEvents; 0 turns it off) halted: {exception.Message}");
        }
    }

    private static BacktestOptions? Parse(ReplayArguments arguments, out string? name, out string? configPath)
    {
        string? data = arguments.ExistingFile("data");
        string? formatText = arguments.Required("format");
        string? orderbook = arguments.Optional("orderbook");
        configPath = arguments.Optional("config");
        int intervalMs = arguments.PositiveInt("interval-ms", 1_000);
        string? nameText = arguments.Optional("name");
        string? symbols = arguments.Optional("symbols");
        string? outDirectory = arguments.Optional("out");
        name = null;
        BacktestFormat format = default;
        if (formatText is not null && !TryParseFormat(formatText, out format))
        {
            arguments.AddError($"--format must be lobster, itch or kraken, got '{formatText}'");
        }
        if (orderbook is not null && !File.Exists(orderbook))
        {
            arguments.AddError($"--orderbook: file not found: {orderbook}");
        }
        if (orderbook is not null && format != BacktestFormat.Lobster)
        {
            arguments.AddError("--orderbook is for --format lobster only");
        }
        if (configPath is not null && !File.Exists(configPath))
        {
            arguments.AddError($"--config: file not found: {configPath}");
        }
        StrategyKind? strategy = null;
        if (arguments.Optional("strategy") is { } strategyText)
        {
            if (Enum.TryParse<StrategyKind>(strategyText, ignoreCase: true, out var kind) && Enum.IsDefined(kind) && !int.TryParse(strategyText, out _))
            {
                strategy = kind;
            }
            else
            {
                arguments.AddError($"--strategy must be one of {string.Join(", ", Enum.GetNames<StrategyKind>())}, got '{strategyText}'");
            }
        }
        DateOnly? date = null;
        if (arguments.Optional("date") is { } dateText)
        {
            if (DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                date = day;
            }
            else
            {
                arguments.AddError($"--date must be YYYY-MM-DD, got '{dateText}'");
            }
        }
        long? capital = null;
        if (arguments.Optional("capital-cents") is { } capitalText)
        {
            if (long.TryParse(capitalText, NumberStyles.None, CultureInfo.InvariantCulture, out long cents) && cents > 0)
            {
                capital = cents;
            }
            else
            {
                arguments.AddError($"--capital-cents must be a positive integer, got '{capitalText}'");
            }
        }
        if (!arguments.IsValid() || data is null || formatText is null)
        {
            return null;
        }
        name = nameText ?? Path.GetFileNameWithoutExtension(data);
        return new BacktestOptions
        {
            DataPath = data,
            Format = format,
            OrderbookPath = orderbook,
            Symbols = symbols?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Strategy = strategy,
            OutDirectory = outDirectory ?? Path.Combine("results", $"backtest-{name}"),
            CapitalCents = capital,
            IntervalMs = intervalMs,
            Date = date,
        };
    }

    private static bool TryParseFormat(string text, out BacktestFormat format)
    {
        format = text.ToLowerInvariant() switch
        {
            "lobster" => BacktestFormat.Lobster,
            "itch" => BacktestFormat.Itch,
            "kraken" => BacktestFormat.Kraken,
            _ => (BacktestFormat)(-1),
        };
        return Enum.IsDefined(format);
    }
}
