namespace Engine.Bench.Latency;

/// <summary>The harness's event: one long, the same payload the Disruptor's own perf tests carry.</summary>
internal struct ValueEvent
{
    public long Value;
}
