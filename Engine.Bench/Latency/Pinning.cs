using Engine.Pipeline;

namespace Engine.Bench.Latency;

/// <summary>Pins harness threads: the consumer (or echo) side on CPU 0, the producer side on CPU 1.</summary>
internal static class Pinning
{
    public const int ConsumerCpu = 0;
    public const int ProducerCpu = 1;

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
