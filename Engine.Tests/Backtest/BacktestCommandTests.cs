using System.Text.Json;
using Engine.Backtest;
using Engine.Tests.Support;

namespace Engine.Tests.Backtest;

public sealed class BacktestCommandTests
{
    private string _out = null!;

    [SetUp]
    public void CreateOutput() => _out = Directory.CreateTempSubdirectory("backtest-").FullName;

    [TearDown]
    public void DeleteOutput() => Directory.Delete(_out, recursive: true);

    [Test]
    public void Run_LobsterWithStrategy_WritesReportAndChartAndEndsWithSummaryJson()
    {
        var (code, stdout, stderr) = Run(new AlternatingStrategy(every: 40, quantity: 100),
            "--data", BacktestFixture.Lobster("message"), "--orderbook", BacktestFixture.Lobster("orderbook"), "--format", "lobster",
            "--config", RepositoryPaths.ShippedConfig(), "--out", _out);

        Assert.That(code, Is.Zero, stderr);
        string reportPath = Path.Combine(_out, "report.json");
        string chartPath = Path.Combine(_out, "equity.png");
        Assert.That(File.Exists(reportPath) && File.Exists(chartPath), Is.True);
        Assert.That(File.ReadAllBytes(chartPath).AsSpan(0, 8).ToArray(), Is.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }), "a PNG");
        string last = stdout.TrimEnd().Split('\n')[^1];
        using var summary = JsonDocument.Parse(last);
        using var report = JsonDocument.Parse(File.ReadAllText(reportPath));
        var root = summary.RootElement;
        Assert.That(root.GetProperty("fills").GetInt32(), Is.GreaterThan(0));
        Assert.That(root.GetProperty("firstEventNs").GetInt64(), Is.EqualTo(1_340_251_200_000_000_000 + 34_200_004_241_176), "09:30:00.004241176 New York (EDT) on the file name's 2012-06-21");
        Assert.That(root.GetProperty("currency").GetString(), Is.EqualTo("USD"));
        Assert.That(root.GetProperty("pnl").GetProperty("netCents").GetDecimal(), Is.EqualTo(report.RootElement.GetProperty("pnl").GetProperty("netCents").GetDecimal()));
        Assert.That(root.GetProperty("files")[0].GetString(), Is.EqualTo(reportPath));
        Assert.That(root.TryGetProperty("fillList", out _), Is.False, "the summary leaves the lists out");
        Assert.That(report.RootElement.GetProperty("fillList").GetArrayLength(), Is.EqualTo(root.GetProperty("fills").GetInt32()));
        Assert.That(report.RootElement.GetProperty("latency").GetProperty("count").GetInt64(), Is.GreaterThan(0));
        Assert.That(root.GetProperty("bookErrors").GetProperty("total").GetInt64(), Is.Zero, "the sample applies exactly");
        Assert.That(root.GetProperty("bookErrors").GetProperty("byKind").EnumerateObject(), Is.Empty);
        Assert.That(stderr, Does.Not.Contain("could not apply"));
        Assert.That(stderr, Does.Contain("backtest: the paper venue charges no fee and takes every order the instant it is sent"), "the shipped file's venue: the P&L is before costs");
    }

    [Test]
    public void Run_LobsterWithAPluginStrategy_TradesUnderItsOwnName()
    {
        var config = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(RepositoryPaths.ShippedConfig()), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!.AsObject();
        config["strategy"] = System.Text.Json.Nodes.JsonNode.Parse(Strategies.Plugins.PluginConfig.StrategySection("""{ "instrument": 0, "quantity": 100, "thresholdTicks": 100, "cooldownEvents": 200 }"""));
        string configPath = Path.Combine(_out, "plugin.json");
        File.WriteAllText(configPath, config.ToJsonString());

        var (code, stdout, stderr) = Run(null, "--data", BacktestFixture.Lobster("message"), "--orderbook", BacktestFixture.Lobster("orderbook"), "--format", "lobster", "--config", configPath, "--out", _out);

        Assert.That(code, Is.Zero, stderr);
        using var summary = JsonDocument.Parse(stdout.TrimEnd().Split('\n')[^1]);
        Assert.That(summary.RootElement.GetProperty("fills").GetInt32(), Is.Positive);
        Assert.That(summary.RootElement.GetProperty("strategy").GetString(), Is.EqualTo("MidMomentum"));
    }

    [Test]
    public void Run_ItchAndKrakenWithoutStrategy_ExitZeroAndNoFills()
    {
        var (itch, itchOut, itchErr) = Run(null, "--data", BacktestFixture.Itch, "--format", "itch", "--config", RepositoryPaths.ShippedConfig(), "--out", Path.Combine(_out, "itch"), "--symbols", "ALC,BOB", "--date", "2010-12-24", "--strategy", "None");
        var (kraken, krakenOut, krakenErr) = Run(null, "--data", BacktestFixture.Kraken, "--format", "kraken", "--config", RepositoryPaths.ShippedConfig(), "--out", Path.Combine(_out, "kraken"), "--strategy", "None");

        Assert.That(itch, Is.Zero, itchErr);
        Assert.That(kraken, Is.Zero, krakenErr);
        using var itchSummary = JsonDocument.Parse(itchOut.TrimEnd().Split('\n')[^1]);
        using var krakenSummary = JsonDocument.Parse(krakenOut.TrimEnd().Split('\n')[^1]);
        Assert.That(itchSummary.RootElement.GetProperty("instruments").GetArrayLength(), Is.EqualTo(2));
        Assert.That(itchSummary.RootElement.GetProperty("instruments")[0].GetProperty("symbol").GetString(), Is.EqualTo("ALC"));
        long midnight = 1_293_166_800_000_000_000; // 2010-12-24 00:00 New York (EST) in Unix ns
        Assert.That(itchSummary.RootElement.GetProperty("firstEventNs").GetInt64(), Is.InRange(midnight, midnight + 86_400_000_000_000));
        // The sample starts after the day's first orders: most of its events leave a book crossed or locked, and the report says so.
        long crossed = itchSummary.RootElement.GetProperty("crossedOrLockedEvents").GetInt64();
        Assert.That(crossed, Is.Positive);
        Assert.That(itchErr, Does.Contain($"backtest: {crossed} book updates left a book crossed or locked (crossedOrLockedEvents; {itchSummary.RootElement.GetProperty("events").GetInt64()} events in all)"));
        Assert.That(krakenSummary.RootElement.GetProperty("fills").GetInt32(), Is.Zero);
        Assert.That(krakenSummary.RootElement.GetProperty("firstEventNs").GetInt64(), Is.InRange(1_618_617_600_000_000_000, 1_618_704_000_000_000_000), "Kraken's own Unix times, on 2021-04-17");
        Assert.That(krakenErr, Does.Contain("ADA/XBT left out: its prices have 9 decimals"));
        // The session was recorded at depth 1,000; the shipped books hold 256 levels a side.
        var bookErrors = krakenSummary.RootElement.GetProperty("bookErrors");
        Assert.That(bookErrors.GetProperty("byKind").GetProperty("LevelsFull").GetInt64(), Is.EqualTo(350));
        Assert.That(bookErrors.GetProperty("total").GetInt64(), Is.EqualTo(350));
        Assert.That(krakenErr, Does.Contain("backtest: the books could not apply 350 events exactly (bookErrors): LevelsFull 350 (raise book.maxLevelsPerSide)"));
    }

    [Test]
    public void Run_Kraken_QuantitiesInHundredMillionthsOfACoinAndEveryFillInThePnl()
    {
        var (code, stdout, stderr) = Run(null, "--data", BacktestFixture.Kraken, "--format", "kraken", "--symbols", "XBT/CHF", "--config", RepositoryPaths.ShippedConfig(), "--out", _out, "--strategy", "ImbalanceTaker");

        Assert.That(code, Is.Zero, stderr);
        Assert.That(stderr, Does.Contain("risk.instruments[id 0].quantityDecimals 0 -> 8: XBT/CHF's quantities in the data have 8 decimals"));
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(_out, "report.json")));
        var root = report.RootElement;
        Assert.That(root.GetProperty("instruments")[0].GetProperty("quantityDecimals").GetInt32(), Is.EqualTo(8));
        Assert.That(root.GetProperty("currency").GetString(), Is.EqualTo("CHF"), "XBT/CHF's money adds up in francs");
        var orders = root.GetProperty("orders");
        Assert.That(orders.GetProperty("fills").GetInt64(), Is.Positive, "the shipped sizes are 10^-8 coins: far inside the limits");
        Assert.That(orders.GetProperty("fillsRefusedByPositions").GetInt64(), Is.Zero, "prices of 5.6 x 10^9 ticks are inside positions.maxPriceTicks");
        // Each fill's notional is quantity x price / 10^(8 + 5) francs: cents = quantity x ticks / 10^11.
        decimal traded = 0;
        foreach (var fill in root.GetProperty("fillList").EnumerateArray())
        {
            decimal notional = fill.GetProperty("quantity").GetInt64() * (decimal)fill.GetProperty("priceTicks").GetInt64() / 100_000_000_000m;
            Assert.That(fill.GetProperty("notionalCents").GetDecimal(), Is.EqualTo(notional));
            traded += notional;
        }
        Assert.That(root.GetProperty("tradedNotionalCents").GetDecimal(), Is.EqualTo(traded));
        Assert.That(Math.Abs(root.GetProperty("pnl").GetProperty("netCents").GetDecimal()), Is.LessThan(traded), "P&L on the coins' scale, not 10^8 times it");
    }

    [Test]
    public void Run_Twap_ReportsTheParentsCompletionAndShortfallAgainstTheArrivalMid()
    {
        var (code, _, stderr) = Run(null, "--data", BacktestFixture.Lobster("message"), "--orderbook", BacktestFixture.Lobster("orderbook"), "--format", "lobster",
            "--config", RepositoryPaths.ShippedConfig(), "--out", _out, "--strategy", "Twap");

        Assert.That(code, Is.Zero, stderr);
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(_out, "report.json")));
        var twap = report.RootElement.GetProperty("twap");
        // The parent's fills are every fill of the run: their volume-weighted price, by hand from the fill list.
        long quantity = 0;
        decimal value = 0;
        foreach (var fill in report.RootElement.GetProperty("fillList").EnumerateArray())
        {
            quantity += fill.GetProperty("quantity").GetInt64();
            value += fill.GetProperty("quantity").GetInt64() * (decimal)fill.GetProperty("priceTicks").GetInt64() * Engine.Book.OrderBook.SubTicksPerTick;
        }
        decimal average = Math.Round(value / quantity, 4);
        decimal arrival = twap.GetProperty("arrivalMidSubTicks").GetInt64();
        Assert.That(twap.GetProperty("side").GetString(), Is.EqualTo("buy"));
        Assert.That(twap.GetProperty("filledQuantity").GetInt64(), Is.EqualTo(quantity));
        Assert.That(twap.GetProperty("completionPct").GetDouble(), Is.EqualTo(100.0 * quantity / twap.GetProperty("quantity").GetInt64()).Within(1e-9));
        Assert.That(twap.GetProperty("averageFillSubTicks").GetDecimal(), Is.EqualTo(average));
        Assert.That(twap.GetProperty("shortfallBps").GetDouble(), Is.EqualTo((double)((average - arrival) / arrival * 10_000m)).Within(1e-5), "a buy above its arrival mid costs");
    }

    [Test]
    public void Run_Twap_CountsItsChildrenAmongTheIntentsRiskChecked()
    {
        var (code, stdout, stderr) = Run(null, "--data", BacktestFixture.Itch, "--format", "itch", "--config", RepositoryPaths.ShippedConfig(), "--out", _out, "--strategy", "Twap");

        Assert.That(code, Is.Zero, stderr);
        using var summary = JsonDocument.Parse(stdout.TrimEnd().Split('\n')[^1]);
        var orders = summary.RootElement.GetProperty("orders");
        long refused = orders.GetProperty("refusedFor").EnumerateObject().Sum(reason => reason.Value.GetInt64());
        Assert.That(refused, Is.GreaterThan(0), "the sample's thin books: the children's estimated slippage is beyond the limit");
        Assert.That(orders.GetProperty("refusedByRisk").GetInt64(), Is.EqualTo(refused));
        Assert.That(orders.GetProperty("submitted").GetInt64(), Is.EqualTo(refused + orders.GetProperty("sent").GetInt64()));
    }

    [TestCase("--format", "lobster", TestName = "Run_MissingData_Exit64")]
    [TestCase("--data", "/nonexistent/file.csv", "--format", "lobster", TestName = "Run_DataFileNotFound_Exit64")]
    [TestCase("--data", "LOBSTER", "--format", "csv", TestName = "Run_UnknownFormat_Exit64")]
    [TestCase("--data", "LOBSTER", "--format", "lobster", "--strategy", "Nope", TestName = "Run_UnknownStrategy_Exit64")]
    [TestCase("--data", "LOBSTER", "--format", "itch", "--orderbook", "LOBSTER", TestName = "Run_OrderbookWithItch_Exit64")]
    [TestCase("--data", "LOBSTER", "--format", "lobster", "--capital-cents", "-5", TestName = "Run_NegativeCapital_Exit64")]
    [TestCase("--data", "LOBSTER", "--format", "lobster", "--config", "/nonexistent/engine.json", TestName = "Run_ConfigNotFound_Exit64")]
    [TestCase("--data", "LOBSTER", "--format", "lobster", "stray", TestName = "Run_StrayArgument_Exit64")]
    [TestCase("--data", "LOBSTER", "--format", "lobster", "--date", "21/06/2012", TestName = "Run_BadDate_Exit64")]
    [TestCase("--data", "LOBSTER", "--format", "lobster", "--stratgy", "ImbalanceTaker", TestName = "Run_MisspeltOption_Exit64")]
    public void Run_BadArguments_Exit64WithUsage(params string[] args)
    {
        string[] resolved = Array.ConvertAll(args, a => a == "LOBSTER" ? BacktestFixture.Lobster("message") : a);

        var (code, stdout, stderr) = Run(null, resolved);

        Assert.That(code, Is.EqualTo(64));
        Assert.That(stderr, Does.StartWith("backtest: ").And.Contain("usage: engine backtest"));
        Assert.That(stdout, Is.Empty);
    }

    [Test]
    public void Run_UnknownOption_IsNamedNotIgnored()
    {
        var (code, _, stderr) = Run(null, "--data", BacktestFixture.Lobster("message"), "--format", "LOBSTER", "--stratgy", "ImbalanceTaker");

        Assert.That(code, Is.EqualTo(64));
        Assert.That(stderr, Does.Contain("backtest: unknown option --stratgy"));
        Assert.That(stderr, Does.Not.Contain("--format must be"), "the format's case does not matter, as the strategy's does not");
    }

    [Test]
    public void Run_FileOfAnotherFormat_Exit1NoEventsWithMalformedLinesOnStderr()
    {
        var (code, stdout, stderr) = Run(null, "--data", BacktestFixture.Itch, "--format", "lobster", "--config", RepositoryPaths.ShippedConfig(), "--out", _out);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(stderr, Does.Contain("malformed line").And.Contain("no market events in").And.Contain("is it lobster data?"));
        Assert.That(stdout, Is.Empty);
        Assert.That(File.Exists(Path.Combine(_out, "report.json")), Is.False);
    }

    [Test]
    public void Run_SomeMalformedLines_Exit0CountsThemAndTellsStderr()
    {
        string messages = Path.Combine(_out, "X_message.csv");
        File.WriteAllLines(messages, ["34200.000000000,1,1,100,100000,1", "34200.5,1,2,oops,100200,-1", "34201.000000000,1,2,100,100200,-1"]);

        var (code, stdout, stderr) = Run(null, "--data", messages, "--format", "lobster", "--config", RepositoryPaths.ShippedConfig(), "--out", _out);

        Assert.That(code, Is.Zero, stderr);
        Assert.That(stderr, Does.Contain("malformed line"));
        using var summary = JsonDocument.Parse(stdout.TrimEnd().Split('\n')[^1]);
        Assert.That(summary.RootElement.GetProperty("malformed").GetInt64(), Is.EqualTo(1));
        Assert.That(summary.RootElement.GetProperty("events").GetInt64(), Is.EqualTo(2));
    }

    [Test]
    public void Run_InvalidConfig_Exit1NamingTheKey()
    {
        string config = Path.Combine(_out, "bad.json");
        File.WriteAllText(config, """{ "risk": { "maxOpenOrders": -1 } }""");

        var (code, _, stderr) = Run(null, "--data", BacktestFixture.Lobster("message"), "--format", "lobster", "--config", config, "--out", _out);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(stderr, Does.Contain("risk.maxOpenOrders"));
    }

    [Test]
    public void Run_ItchSymbolNotInFile_Exit1()
    {
        var (code, _, stderr) = Run(null, "--data", BacktestFixture.Itch, "--format", "itch", "--symbols", "ZZZ", "--config", RepositoryPaths.ShippedConfig(), "--out", _out);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(stderr, Does.Contain("--symbols: ZZZ is not in the file"));
    }

    private static (int Code, string Stdout, string Stderr) Run(Engine.Strategies.IStrategy? strategy, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = BacktestCommand.Run(args, stdout, stderr, strategy);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
