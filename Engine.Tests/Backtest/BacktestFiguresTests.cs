using Engine.Backtest;
using Engine.Config;
using Engine.Tests.Support;
using Feeds;

namespace Engine.Tests.Backtest;

/// <summary>
/// Every figure of the report against values worked out by hand on nine LOBSTER messages and two
/// round trips (prices in dollars; 4 decimals, so $10.02 is 100200 ticks; taker fee 10 bps; capital
/// $10,000 = 1,000,000 cents; interval 1 s).
/// </summary>
/// <remarks>
/// <code>
/// #  time(s)  message                  book after (bid / ask)   strategy            net P&amp;L after (cents)
/// 1  0.0      add bid 500 @ 10.00      10.00 / -
/// 2  0.0      add ask 500 @ 10.02      10.00 / 10.02            buy 100 -> 10.02    -201  (marked to the mid 10.01: -100; fee 100.2 -> 101: fees round up)
/// 3  1.2      delete the ask           10.00 / -                                    -201  (no mid: no mark)
/// 4  1.5      add ask 500 @ 10.10      10.00 / 10.10            (mid 10.05)         +199  (100 x 0.03 - 101)
/// 5  2.5      add bid 500 @ 10.06      10.06 / 10.10            sell 100 -> 10.06   +199  (realised 400; fees 200.8 -> 201)
/// 6  3.5      delete the 10.06 bid     10.00 / 10.10                                +199
/// 7  3.7      add ask 500 @ 10.03      10.00 / 10.03            sell 200 -> 10.00   -301  (mid 10.015: -200 x 0.015 = -300; fees 400.8 -> 401)
/// 8  5.0      delete the 10.00 bid     - / 10.03                                    -301
/// 9  5.2      add bid 500 @ 9.95       9.95 / 10.03             buy 200 -> 10.03    -802  (realised 400 - 600; fees 601.4 -> 602)
/// </code>
/// Curve at the ends of the 1 s intervals from t0: 0, -201, 199, 199, -301, -301, -802; the deepest
/// drawdown within each: 0, 201, 201, 0, 500, 500, 1001.
/// </remarks>
public sealed class BacktestFiguresTests
{
    private const double Tolerance = 1e-6;

    private static readonly string[] Messages =
    [
        "34200.000000000,1,1,500,100000,1",
        "34200.000000000,1,2,500,100200,-1",
        "34201.200000000,3,2,500,100200,-1",
        "34201.500000000,1,3,500,101000,-1",
        "34202.500000000,1,4,500,100600,1",
        "34203.500000000,3,4,500,100600,1",
        "34203.700000000,1,5,500,100300,-1",
        "34205.000000000,3,1,500,100000,1",
        "34205.200000000,1,6,500,99500,1",
    ];

    private static BacktestReport _report = null!;

    [OneTimeSetUp]
    public static void RunTheHandMadeDay()
    {
        string folder = Directory.CreateTempSubdirectory("backtest-hand-").FullName;
        string path = Path.Combine(folder, "HAND_message.csv");
        File.WriteAllLines(path, Messages);
        try
        {
            var options = ConfigLoader.Load(RepositoryPaths.ShippedConfig());
            options.Venues.Paper.TakerFeeCentiBps = 1_000;
            var run = new BacktestOptions { DataPath = path, Format = BacktestFormat.Lobster, OutDirectory = folder, CapitalCents = 1_000_000, IntervalMs = 1_000 };
            _report = BacktestFixture.Run(run, new ScriptedStrategy((2, Side.Buy, 100), (5, Side.Sell, 100), (7, Side.Sell, 200), (9, Side.Buy, 200)), options);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void Fills_FourMarketOrders_AtTheTouchWithRoundedUpFees()
    {
        var fills = _report.Recorder.Fills;

        Assert.That(fills.Select(f => (f.Side, f.Quantity, f.PriceTicks)), Is.EqualTo(new[] { (Side.Buy, 100L, 100200L), (Side.Sell, 100L, 100600L), (Side.Sell, 200L, 100000L), (Side.Buy, 200L, 100300L) }));
        Assert.That(fills.Select(f => f.FeeCents), Is.EqualTo(new[] { 101m, 100m, 200m, 201m }), "fees are cumulative per instrument, rounded up: 101, 201, 401, 602");
        Assert.That(fills.Select(f => f.NotionalCents), Is.EqualTo(new[] { 100_200m, 100_600m, 200_000m, 200_600m }));
    }

    [Test]
    public void Pnl_RealisedLessFees()
    {
        var f = _report.Figures;

        Assert.That(f.RealisedCents, Is.EqualTo(-200m), "+100 x 0.04 - 200 x 0.03 dollars");
        Assert.That(f.FeesCents, Is.EqualTo(602m));
        Assert.That(f.UnrealisedCents, Is.Zero);
        Assert.That(f.NetPnlCents, Is.EqualTo(-802m));
    }

    [Test]
    public void EquityCurve_OnePointPerIntervalEnd()
    {
        var curve = _report.Recorder.Equity;
        long t0 = 34_200_000_000_000;

        Assert.That(curve.Select(p => p.PnlCents), Is.EqualTo(new[] { 0m, -201m, 199m, 199m, -301m, -301m, -802m }));
        Assert.That(curve.Select(p => p.TsNs), Is.EqualTo(Enumerable.Range(0, 7).Select(i => t0 + (i * 1_000_000_000L))));
        // The deepest drawdown in each interval: 1-2 s dips to -201 (1.2 s) before +199, so its point is 201.
        Assert.That(curve.Select(p => p.DrawdownCents), Is.EqualTo(new[] { 0m, 201m, 201m, 0m, 500m, 500m, 1001m }));
        Assert.That(curve.Max(p => p.DrawdownCents), Is.EqualTo(_report.Figures.MaxDrawdownCents), "the chart reaches the headline's maximum");
    }

    [Test]
    public void Drawdown_FromThePeakOf199To802()
    {
        Assert.That(_report.Figures.MaxDrawdownCents, Is.EqualTo(1_001m));
        Assert.That(_report.Figures.MaxDrawdownPct, Is.EqualTo(1_001.0 / 1_000_199 * 100).Within(Tolerance), "1001 / (capital + peak)");
    }

    [Test]
    public void SharpeAndSortino_OfTheSixIntervalReturns()
    {
        // Returns (cents / 1,000,000): -201, +400, 0, -500, 0, -501; mean -133.667e-6; sample sd 344.732e-6;
        // downside deviation sqrt((201^2 + 500^2 + 501^2) / 6) e-6 = 300.389e-6; sqrt(252 x 6.5 x 3600 / 1) = 2428.33.
        var f = _report.Figures;

        Assert.That(f.Returns, Is.EqualTo(6));
        Assert.That(f.PeriodsPerYear, Is.EqualTo(5_896_800.0));
        Assert.That(f.Sharpe, Is.EqualTo(-941.5632692556918).Within(1e-6));
        Assert.That(f.Sortino, Is.EqualTo(-1080.5553409461575).Within(1e-6));
    }

    [Test]
    public void RoundTrips_OneWinOneLoss()
    {
        var trades = _report.Recorder.Trades;

        Assert.That(trades, Has.Count.EqualTo(2));
        Assert.That((trades[0].IsLong, trades[0].MaxQuantity, trades[0].PnlCents, trades[0].Fills), Is.EqualTo((true, 100L, 199m, 2)), "400 realised - 101 - 100 fees");
        Assert.That((trades[1].IsLong, trades[1].MaxQuantity, trades[1].PnlCents, trades[1].Fills), Is.EqualTo((false, 200L, -1001m, 2)), "-600 realised - 200 - 201 fees");
        Assert.That(trades[0].CloseNs, Is.EqualTo(34_202_500_000_000));
        Assert.That((_report.Figures.ClosedTrades, _report.Figures.WinningTrades, _report.Figures.WinRate), Is.EqualTo((2, 1, (double?)0.5)));
    }

    [Test]
    public void Turnover_TradedNotionalOverCapital()
    {
        Assert.That(_report.Figures.TradedNotionalCents, Is.EqualTo(601_400m));
        Assert.That(_report.Figures.Turnover, Is.EqualTo(0.6014).Within(Tolerance));
    }

    [Test]
    public void Slippage_AgainstTheMidAtTheDecisionAndTheEstimate()
    {
        var fills = _report.Recorder.Fills;
        double[] expected = [(10.02 - 10.01) / 10.01 * 1e4, (10.08 - 10.06) / 10.08 * 1e4, (10.015 - 10.00) / 10.015 * 1e4, (10.03 - 9.99) / 9.99 * 1e4];

        Assert.That(fills.Select(f => f.ReferenceSubTicks), Is.EqualTo(new[] { 1_001_000_000L, 1_008_000_000L, 1_001_500_000L, 999_000_000L }), "the mids");
        Assert.That(fills.Select(f => f.RealisedSlippageBps!.Value), Is.EqualTo(expected).Within(Tolerance));
        Assert.That(fills.Select(f => f.EstimatedSlippageBps!.Value), Is.EqualTo(expected).Within(Tolerance), "500 at the touch: the estimate is the touch");
        var figures = _report.Figures;
        Assert.That((figures.FillsWithReference, figures.FillsWithEstimate), Is.EqualTo((4, 4)));
        Assert.That(figures.RealisedSlippageBps, Is.EqualTo(((100 * expected[0]) + (100 * expected[1]) + (200 * expected[2]) + (200 * expected[3])) / 600).Within(Tolerance));
        Assert.That(figures.RealisedMinusEstimatedBps, Is.EqualTo(0.0).Within(Tolerance));
    }

    [Test]
    public void Orders_EverySubmittedOrderSentAndFilled()
    {
        var json = System.Text.Json.JsonDocument.Parse(_report.ToJson(full: false)).RootElement.GetProperty("orders");

        Assert.That((json.GetProperty("submitted").GetInt64(), json.GetProperty("refusedByRisk").GetInt64(), json.GetProperty("sent").GetInt64(), json.GetProperty("fills").GetInt64()), Is.EqualTo((4L, 0L, 4L, 4L)));
        var venue = System.Text.Json.JsonDocument.Parse(_report.ToJson(full: false)).RootElement.GetProperty("venue");
        Assert.That((venue.GetProperty("ordersAccepted").GetInt64(), venue.GetProperty("restingAtEnd").GetInt64(), venue.GetProperty("heldCommandsAtEnd").GetInt64()), Is.EqualTo((4L, 0L, 0L)));
    }
}
