namespace Engine.Bench.Latency;

/// <summary>Set by a handler when it sees the last sequence of a run; the harness waits on it.</summary>
internal sealed class Completion(long lastSequence) : IDisposable
{
    private readonly ManualResetEventSlim _done = new();

    public long LastSequence { get; } = lastSequence;

    public long EndTicks { get; private set; }

    public void Complete(long endTicks)
    {
        EndTicks = endTicks;
        _done.Set();
    }

    public void Dispose() => _done.Dispose();

    public void Wait()
    {
        if (!_done.Wait(TimeSpan.FromMinutes(5)))
        {
            throw new TimeoutException("the consumer did not see the last event within 5 minutes");
        }
    }
}
