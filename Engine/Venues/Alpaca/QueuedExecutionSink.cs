using System.Collections.Concurrent;
using Engine.Orders;

namespace Engine.Venues.Alpaca;

/// <summary>
/// The Alpaca gateway's thread-safe way in for reports made off the gateway thread: the
/// trade_updates stream's I/O thread and the reconciler publish here (through the
/// <see cref="AlpacaOrderLedger"/>), and the gateway thread moves them, in order, into its
/// single-threaded <see cref="BufferedExecutionSink"/>.
/// </summary>
/// <remarks>
/// Why a queue rather than a second sink into the inbound ring: the engine's ring producers are
/// counted at start-up and the venue's <see cref="BufferedExecutionSink"/> is single-threaded; a queue
/// keeps one writer into the ring and lets the stream thread hand over a report without ever waiting
/// (it never blocks on a full ring, so a slow loop cannot stall the socket's reads). Unbounded, so
/// nothing is dropped: reports are rare next to market data and the gateway thread drains it on every
/// command and every idle turn. Allocates only when the queue grows a segment.
/// </remarks>
public sealed class QueuedExecutionSink : IExecutionSink
{
    private readonly ConcurrentQueue<ExecutionReport> _queue = new();

    /// <summary>Reports waiting for the gateway thread.</summary>
    public int Count => _queue.Count;

    /// <inheritdoc />
    /// <remarks>Any thread; never waits.</remarks>
    public void Publish(in ExecutionReport report) => _queue.Enqueue(report);

    /// <summary>Takes the oldest waiting report; false when none waits. Gateway thread.</summary>
    public bool TryTake(out ExecutionReport report) => _queue.TryDequeue(out report);
}
