using Engine.Orders;
using Engine.Tests.Support;
using Engine.Venues.Alpaca;

namespace Engine.Tests.Venues.Alpaca;

/// <summary>The queue between the stream's thread and the gateway thread: nothing lost, each producer's order kept.</summary>
public sealed class QueuedExecutionSinkTests
{
    [Test]
    public void TryTake_TwoProducersPublishing_GetsEveryReportInEachProducersOrder()
    {
        const int PerProducer = 200_000;
        var sink = new QueuedExecutionSink();
        var producers = new Thread[2];
        for (int p = 0; p < producers.Length; p++)
        {
            int producer = p;
            producers[p] = new Thread(() =>
            {
                for (long i = 1; i <= PerProducer; i++)
                {
                    sink.Publish(new ExecutionReport { InstrumentId = producer, ClientOrderId = i });
                }
            });
            producers[p].Start();
        }
        var last = new long[producers.Length];
        long taken = 0;
        bool ordered = true;
        Eventually.Until(() =>
        {
            while (sink.TryTake(out var report))
            {
                ordered &= report.ClientOrderId == last[report.InstrumentId] + 1;
                last[report.InstrumentId] = report.ClientOrderId;
                taken++;
            }
            return taken == 2L * PerProducer;
        }, TestTimeouts.Join, "every report was taken");

        foreach (var thread in producers)
        {
            Assert.That(thread.Join(TestTimeouts.Join), Is.True);
        }
        Assert.That((ordered, sink.Count), Is.EqualTo((true, 0)));
    }
}
