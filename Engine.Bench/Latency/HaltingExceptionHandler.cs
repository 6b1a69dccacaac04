using Engine.Ring;

namespace Engine.Bench.Latency;

/// <summary>A harness handler never throws; if one does, the run is void, so halt.</summary>
internal sealed class HaltingExceptionHandler : IExceptionHandler
{
    public Exception? Fault { get; private set; }

    public FaultAction OnEventException(Exception exception, long sequence)
    {
        Fault = exception;
        return FaultAction.Halt;
    }
}
