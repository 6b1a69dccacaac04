namespace Engine.Ring;

/// <summary>The exception policy of a processor: told about every exception a handler throws.</summary>
/// <remarks>Called on the processor's thread. Faults are rare, so it may allocate and log.</remarks>
public interface IExceptionHandler
{
    /// <summary>Records the fault and says whether to continue or halt.</summary>
    FaultAction OnEventException(Exception exception, long sequence);
}
