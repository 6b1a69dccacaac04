using System.Text.Json;
using Engine.Bench.Latency;

namespace Engine.Tests.Bench;

/// <summary>The JSON last lines of <c>bench latency</c> and <c>bench throughput</c>, and the bar they judge.</summary>
public sealed class LatencySummaryTests
{
    private static readonly string[] s_statsFields = ["count", "p50_ns", "p90_ns", "p99_ns", "p999_ns", "p9999_ns", "max_ns"];

    [Test]
    public void From_AnEmptyHistogram_IsAllZeros()
    {
        // bench inplace with an order on every event measures no market-only event at all.
        var stats = LatencyStats.From(LatencyStats.NewHistogram());

        Assert.That(stats, Is.EqualTo(new LatencyStats(0, 0, 0, 0, 0, 0, 0)));
    }

    [Test]
    public void Serialize_LatencySummary_HasTheFieldsIssue7AsksFor()
    {
        var ring = new LatencyStats(10, 700, 900, 15_000, 20_000, 30_000, 40_000);
        var trade = new LatencyStats(5, 900, 1_100, 16_000, 21_000, 31_000, 41_000);
        var run = Run("BusySpin", ring, trade, gc: 0);

        string json = JsonSerializer.Serialize(LatencySummary.From(run, [run], "/tmp/report.json"), BenchJsonContext.Default.LatencySummary);

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.That(root.GetProperty("offered_rate").GetInt64(), Is.EqualTo(1_000_000));
        Assert.That(root.GetProperty("achieved_rate").GetDouble(), Is.EqualTo(999_000.5));
        Assert.That(root.GetProperty("gc_collections").GetInt32(), Is.Zero);
        Assert.That(root.GetProperty("allocated_bytes").GetInt64(), Is.EqualTo(64));
        foreach (string section in new[] { "ring_one_way", "engine_ring_one_way", "tick_to_trade", "chain" })
        {
            foreach (string field in s_statsFields)
            {
                Assert.That(root.GetProperty(section).TryGetProperty(field, out _), Is.True, $"{section}.{field}");
            }
        }
        Assert.That(root.GetProperty("tick_to_trade").GetProperty("p9999_ns").GetInt64(), Is.EqualTo(31_000));
        Assert.That(root.GetProperty("ring_one_way").GetProperty("p999_ns").GetInt64(), Is.EqualTo(20_000));
        Assert.That(root.GetProperty("bar").GetProperty("met").GetBoolean(), Is.True);
        Assert.That(root.GetProperty("runs").GetArrayLength(), Is.EqualTo(1));
        var segment = root.GetProperty("runs")[0].GetProperty("segments")[0];
        Assert.That((segment.GetProperty("ring_ns").GetInt64(), segment.GetProperty("engine_ring_ns").GetInt64(), segment.GetProperty("tick_to_trade_ns").GetInt64()), Is.EqualTo((700L, 800L, 900L)));
        Assert.That(json, Does.Not.Contain('\n'));
    }

    [Test]
    public void From_SeveralRuns_HeadsWithTheOneGiven()
    {
        var ring = new LatencyStats(1, 1, 1, 1, 1, 1, 1);
        LatencyRun[] runs = [Run("Yielding", ring, ring, gc: 2), Run("BusySpin", ring, ring, gc: 0)];
        var summary = LatencySummary.From(runs[0], runs, "f");

        Assert.That(summary.WaitStrategy, Is.EqualTo("Yielding"));
        Assert.That(summary.GcCollections, Is.EqualTo(2));
        Assert.That(summary.Runs, Has.Length.EqualTo(2));
    }

    [Test]
    public void MedianByTickToTrade_ThreeRuns_IsTheMiddleOne()
    {
        var ring = new LatencyStats(1, 100, 1, 1, 1, 1, 1);
        var runs = new List<LatencyRun> { Run("BusySpin", ring, Trade(900), gc: 0), Run("BusySpin", ring, Trade(3_000), gc: 0), Run("BusySpin", ring, Trade(600), gc: 0) };

        Assert.That(LatencyHarness.MedianByTickToTrade(runs), Is.SameAs(runs[0]));
    }

    [Test]
    public void MedianByTickToTrade_TwoRuns_IsTheLower()
    {
        var ring = new LatencyStats(1, 100, 1, 1, 1, 1, 1);
        var runs = new List<LatencyRun> { Run("BusySpin", ring, Trade(900), gc: 0), Run("BusySpin", ring, Trade(600), gc: 0) };

        Assert.That(LatencyHarness.MedianByTickToTrade(runs), Is.SameAs(runs[1]));
    }

    [Test]
    public void Serialize_ThroughputSummary_HasTheRatesAndTheBar()
    {
        var summary = new ThroughputSummary(6_100_000, 5_800_000, ThroughputHarness.BarRate, true, "BusySpin", "EveryNth", 1.5, 0, [new ThroughputTrial(5_800_000, 5_790_000, 12, 3_000, true)]);

        using var document = JsonDocument.Parse(JsonSerializer.Serialize(summary, BenchJsonContext.Default.ThroughputSummary));

        var root = document.RootElement;
        Assert.That(root.GetProperty("max_sustainable_rate").GetInt64(), Is.EqualTo(5_800_000));
        Assert.That(root.GetProperty("unpaced_rate").GetDouble(), Is.EqualTo(6_100_000));
        Assert.That(root.GetProperty("bar_rate").GetInt64(), Is.EqualTo(5_000_000));
        Assert.That(root.GetProperty("trials")[0].GetProperty("sustainable").GetBoolean(), Is.True);
    }

    [Test]
    public void Evaluate_AtTheLimits_MeetsTheBar()
    {
        var ring = new LatencyStats(100, 700, 0, 10_000, 0, 0, 0);
        var trade = new LatencyStats(10, 1_000, 0, 15_000, 0, 0, 0);

        var bar = LatencyBar.Evaluate(ring, trade, gcCollections: 0);

        Assert.That(bar, Is.EqualTo(new LatencyBar(1_000, 15_000, true, true, true, true)));
    }

    [Test]
    public void Evaluate_PastEachLimit_MissesThatPart()
    {
        var ring = new LatencyStats(100, 700, 0, 10_000, 0, 0, 0);

        var p50 = LatencyBar.Evaluate(ring, new LatencyStats(10, 1_001, 0, 15_000, 0, 0, 0), 0);
        var p99 = LatencyBar.Evaluate(ring, new LatencyStats(10, 1_000, 0, 15_001, 0, 0, 0), 0);
        var gc = LatencyBar.Evaluate(ring, new LatencyStats(10, 1_000, 0, 15_000, 0, 0, 0), 1);

        Assert.That((p50.P50Met, p50.P99Met, p50.Met), Is.EqualTo((false, true, false)));
        Assert.That((p99.P50Met, p99.P99Met, p99.Met), Is.EqualTo((true, false, false)));
        Assert.That((gc.GcMet, gc.Met), Is.EqualTo((false, false)));
    }

    [Test]
    public void Evaluate_NoOrders_MissesTheBar()
    {
        var ring = new LatencyStats(100, 700, 0, 10_000, 0, 0, 0);

        Assert.That(LatencyBar.Evaluate(ring, new LatencyStats(0, 0, 0, 0, 0, 0, 0), 0).Met, Is.False);
    }

    private static LatencyStats Trade(long p50Ns) => new(10, p50Ns, p50Ns, p50Ns, p50Ns, p50Ns, p50Ns);

    private static LatencyRun Run(string wait, LatencyStats ring, LatencyStats trade, int gc) => new(
        wait, "EveryNth", 1_000_000, 999_000.5, 0.5, ring, ring with { P50Ns = ring.P50Ns + 100 }, trade, trade, new RouterTickToOrder(5, 1_000, 20_000),
        Orders: 5, OrdersRefused: 0, TopRefusal: "None", OrdersSkipped: 0, GcCollections: gc, AllocatedBytes: 64, MaxProducerLagNs: 10, ProducerLateEvents: 2,
        LatencyBar.Evaluate(ring, trade, gc), ["a.hgrm"], [new SegmentP50(ring.P50Ns, ring.P50Ns + 100, trade.P50Ns, trade.P50Ns)]);
}
