using Engine.Ring;
using Microsoft.Extensions.Logging;

namespace Engine.Pipeline;

/// <summary>
/// The loop's exception policy: counts every handler fault, logs the first few and then one in
/// every <see cref="LogEvery"/>, and answers continue or halt as configured.
/// </summary>
/// <remarks>Runs on the loop thread, only when a handler has thrown.</remarks>
public sealed partial class LoggingExceptionHandler : IExceptionHandler
{
    /// <summary>Faults logged in full before logging thins out.</summary>
    public const int LogFirst = 10;

    /// <summary>After the first few, one fault in this many is logged.</summary>
    public const int LogEvery = 10_000;

    private readonly FaultPolicy _policy;
    private readonly ILogger _logger;
    private long _faults;

    /// <summary>Creates the policy.</summary>
    public LoggingExceptionHandler(FaultPolicy policy, ILogger logger)
    {
        _policy = policy;
        _logger = logger;
    }

    /// <summary>Faults seen so far. Any thread.</summary>
    public long FaultCount => Volatile.Read(ref _faults);

    /// <inheritdoc />
    public FaultAction OnEventException(Exception exception, long sequence)
    {
        long count = Interlocked.Increment(ref _faults);
        var action = _policy == FaultPolicy.LogAndHalt ? FaultAction.Halt : FaultAction.Continue;
        if (count <= LogFirst || count % LogEvery == 0 || action == FaultAction.Halt)
        {
            LogFault(_logger, sequence, count, action, exception);
        }
        return action;
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Error, Message = "Handler fault at sequence {Sequence} (fault #{Count}); action: {Action}")]
    private static partial void LogFault(ILogger logger, long sequence, long count, FaultAction action, Exception exception);
}
