using Engine.Pipeline;

namespace Engine.Bench.Latency;

/// <summary>
/// Pins harness threads where the engine puts its own: the consumer side (the loop, a ring's consumer,
/// the echo) on CPU 1, the producer side (the feeds, a ring's producer, the pinger) on CPU 0. One
/// placement for every harness, so the bare ring is measured over the same trip as the pipeline: on
/// this VM the two directions between the cores have differed by up to 35 ns at the p50, depending on
/// where the host put the vCPUs (PERFORMANCE.md, session 15; <c>bench ring</c> prints both).
/// </summary>
internal static class Pinning
{
    /// <summary>The consumer side's CPU: the engine's loop.</summary>
    public const int ConsumerCpu = 1;

    /// <summary>The producer side's CPU: the feeds (the harness's producer).</summary>
    public const int ProducerCpu = 0;

    /// <summary>Pins the calling thread when <paramref name="pinned"/>; a failure is fatal to the measurement.</summary>
    public static void Apply(bool pinned, int cpu)
    {
        if (!pinned)
        {
            return;
        }
        string? error = LinuxThreadTuning.TryPinCurrentThread([cpu]);
        if (error is not null)
        {
            throw new InvalidOperationException($"cannot pin to CPU {cpu}: {error}");
        }
    }

    /// <summary>Starts a named thread that pins itself and runs <paramref name="body"/>.</summary>
    public static Thread Start(string name, bool pinned, int cpu, Action body)
    {
        var thread = new Thread(() =>
        {
            Apply(pinned, cpu);
            body();
        })
        { Name = name, IsBackground = true };
        thread.Start();
        return thread;
    }
}
