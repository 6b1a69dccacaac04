using System.Collections.Concurrent;

namespace Engine.Tests.Venues.Alpaca;

/// <summary>
/// A clock whose timers fire at once (on the thread pool) and which records every delay asked for:
/// retry waits cost no time in tests, and the tests can check them. Its UTC now is fixed, so
/// Retry-After dates give exact waits.
/// </summary>
internal sealed class ImmediateDelays : TimeProvider
{
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 14, 30, 0, TimeSpan.Zero);

    private readonly ConcurrentQueue<TimeSpan> _delays = new();

    /// <summary>Every delay asked for, in order.</summary>
    public IReadOnlyList<TimeSpan> Delays => [.. _delays];

    public override DateTimeOffset GetUtcNow() => Now;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            _delays.Enqueue(dueTime);
            ThreadPool.QueueUserWorkItem(_ => callback(state));
        }
        return new NoTimer();
    }

    private sealed class NoTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
