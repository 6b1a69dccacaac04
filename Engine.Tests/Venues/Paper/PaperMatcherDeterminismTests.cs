using System.Runtime.InteropServices;
using Engine.Book;
using Engine.Orders;
using Engine.Venues.Paper;

namespace Engine.Tests.Venues.Paper;

/// <summary>
/// A long synthetic session through the paper venue: the same input gives byte-identical reports,
/// every order's reports tell a consistent story, and a warmed matcher allocates nothing.
/// </summary>
public sealed class PaperMatcherDeterminismTests
{
    private const int Events = 200_000;
    private const int MaxOrders = Events / 8;

    private sealed class CountingSink : IExecutionSink
    {
        public long Reports;

        public void Publish(in ExecutionReport report) => Reports++;
    }

    private static (List<ExecutionReport> Reports, SyntheticOrderFlow Flow, PaperMatcher Matcher) Run(PaperVenueOptions options)
    {
        var matcher = new PaperMatcher(options, new OrderBooks(SyntheticOrderFlow.Books));
        var flow = new SyntheticOrderFlow(MaxOrders);
        var sink = new RecordingExecutionSink();
        for (int i = 0; i < Events; i++)
        {
            flow.Step(matcher, sink);
        }
        matcher.ExpireDayOrders(flow.NowNs + 1_000, sink);
        matcher.AdvanceClock(flow.NowNs + 1_000_000_000, sink);
        return (sink.Reports.ToList(), flow, matcher);
    }

    [TestCase(0, 0)]
    [TestCase(50, 20)]
    public void Run_SameSessionTwice_GivesByteIdenticalReports(int entryLatencyUs, int reportLatencyUs)
    {
        var first = Run(SyntheticOrderFlow.Options(entryLatencyUs, reportLatencyUs)).Reports;
        var second = Run(SyntheticOrderFlow.Options(entryLatencyUs, reportLatencyUs)).Reports;

        var firstBytes = MemoryMarshal.AsBytes(CollectionsMarshal.AsSpan(first)).ToArray();
        var secondBytes = MemoryMarshal.AsBytes(CollectionsMarshal.AsSpan(second)).ToArray();
        Assert.That(first, Has.Count.GreaterThan(10_000));
        Assert.That(secondBytes.AsSpan().SequenceEqual(firstBytes), Is.True);
    }

    [TestCase(0, 0)]
    [TestCase(50, 20)]
    public void Run_LongSession_EveryOrderTellsAConsistentStory(int entryLatencyUs, int reportLatencyUs)
    {
        var (reports, flow, matcher) = Run(SyntheticOrderFlow.Options(entryLatencyUs, reportLatencyUs));

        var cumulative = new Dictionary<long, long>();
        var final = new HashSet<long>();
        long lastTs = long.MinValue;
        int passive = 0, taking = 0, canceled = 0, expired = 0, rejected = 0, cancelRejected = 0;
        foreach (var r in reports)
        {
            Assert.That(r.VenueTsNs, Is.GreaterThanOrEqualTo(lastTs), "reports leave in venue-time order");
            lastTs = r.VenueTsNs;
            long quantity = flow.QuantityOf(r.ClientOrderId);
            bool seen = cumulative.TryGetValue(r.ClientOrderId, out long filled);
            switch (r.Kind)
            {
                case ExecutionKind.Accepted or ExecutionKind.Rejected:
                    Assert.That(seen, Is.False, $"order {r.ClientOrderId}: acknowledged twice");
                    cumulative[r.ClientOrderId] = 0;
                    if (r.Kind == ExecutionKind.Rejected)
                    {
                        rejected++;
                        final.Add(r.ClientOrderId);
                    }
                    break;
                case ExecutionKind.PartialFill or ExecutionKind.Fill:
                    Assert.That(seen && !final.Contains(r.ClientOrderId), Is.True, $"order {r.ClientOrderId}: fill outside its life");
                    filled += r.LastQuantity;
                    cumulative[r.ClientOrderId] = filled;
                    Assert.That(r.LastQuantity, Is.Positive);
                    Assert.That(r.CumulativeQuantity, Is.EqualTo(filled));
                    Assert.That(r.LeavesQuantity, Is.EqualTo(r.Kind == ExecutionKind.Fill ? 0 : quantity - filled));
                    Assert.That(filled, Is.LessThanOrEqualTo(quantity));
                    if (r.Kind == ExecutionKind.Fill)
                    {
                        Assert.That(filled, Is.EqualTo(quantity));
                        final.Add(r.ClientOrderId);
                    }
                    if (r.FeeValue > 0)
                    {
                        taking++;
                    }
                    else
                    {
                        passive++;
                    }
                    break;
                case ExecutionKind.Canceled or ExecutionKind.Expired:
                    Assert.That(seen && final.Add(r.ClientOrderId), Is.True, $"order {r.ClientOrderId}: closed twice or before acceptance");
                    Assert.That(r.CumulativeQuantity, Is.EqualTo(filled).And.LessThan(quantity));
                    _ = r.Kind == ExecutionKind.Canceled ? canceled++ : expired++;
                    break;
                case ExecutionKind.CancelRejected:
                    cancelRejected++;
                    break;
                default:
                    Assert.Fail($"unexpected report {r.Kind}");
                    break;
            }
        }

        // Everything acknowledged; only gtc orders may still rest, and the pool agrees.
        Assert.That(cumulative.Keys, Has.Count.EqualTo(flow.OrdersSent));
        Assert.That(cumulative.Keys.Count(id => !final.Contains(id)), Is.EqualTo(matcher.RestingOrderCount));
        Assert.That(matcher.HeldCommandCount + matcher.HeldReportCount, Is.Zero);
        string mix = $"passive {passive}, taking {taking}, canceled {canceled}, expired {expired}, rejected {rejected}, "
            + $"cancel rejected {cancelRejected}, stops triggered {matcher.StopsTriggered}, resting at the end {matcher.RestingOrderCount}; "
            + $"rejected: unsupported {matcher.RejectedUnsupported}, no liquidity {matcher.RejectedNoLiquidity}, pool full {matcher.RejectedPoolFull}";
        TestContext.Out.WriteLine(mix);
        Assert.That(new[] { passive, taking, canceled, expired, rejected, cancelRejected, matcher.StopsTriggered }, Has.All.Positive, mix);
    }

    [Test]
    public void OnMarketAndOnCommand_WarmedMatcher_AllocateNothing()
    {
        var matcher = new PaperMatcher(SyntheticOrderFlow.Options(entryLatencyUs: 50, reportLatencyUs: 20), new OrderBooks(SyntheticOrderFlow.Books));
        var flow = new SyntheticOrderFlow(MaxOrders);
        var sink = new CountingSink();
        for (int i = 0; i < 20_000; i++)
        {
            flow.Step(matcher, sink);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100_000; i++)
        {
            flow.Step(matcher, sink);
        }
        matcher.ExpireDayOrders(flow.NowNs + 1_000, sink);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.That(allocated, Is.Zero);
        Assert.That(sink.Reports, Is.GreaterThan(10_000));
    }
}
