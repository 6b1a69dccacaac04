using Microsoft.Extensions.Logging;

namespace Engine.Pipeline;

/// <summary>Log lines about the engine's own threads (loop, venue gateways, feeds), shared so each says the same thing.</summary>
internal static partial class ThreadLog
{
    /// <summary>
    /// Binds the calling thread, <paramref name="thread"/>, to <paramref name="cpus"/> (none: leaves it
    /// where it is); if it cannot, logs <see cref="PinFailed"/> once and returns why, and the thread runs on.
    /// </summary>
    public static string? PinCurrentThread(ILogger logger, string thread, IReadOnlyList<int> cpus)
    {
        if (cpus.Count == 0)
        {
            return null;
        }
        string? reason = LinuxThreadTuning.TryPinCurrentThread(cpus);
        if (reason is not null)
        {
            PinFailed(logger, thread, string.Join(',', cpus), reason);
        }
        return reason;
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "Thread {Thread} could not be pinned to CPUs {Cpus}: {Reason}. It runs unpinned.")]
    private static partial void PinFailed(ILogger logger, string thread, string cpus, string reason);
}
