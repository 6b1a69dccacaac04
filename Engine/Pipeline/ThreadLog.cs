using Microsoft.Extensions.Logging;

namespace Engine.Pipeline;

/// <summary>Log lines about the engine's own threads (loop, venue gateways), shared so each says the same thing.</summary>
internal static partial class ThreadLog
{
    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "Thread {Thread} could not be pinned to CPUs {Cpus}: {Reason}. It runs unpinned.")]
    public static partial void PinFailed(ILogger logger, string thread, string cpus, string reason);
}
