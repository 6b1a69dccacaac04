using Engine.Ring;

namespace Engine.Tests.Ring;

/// <summary>An exception policy that answers <paramref name="action"/> and remembers every fault's sequence.</summary>
/// <remarks>Processor thread only; read <see cref="Sequences"/> after the processor has stopped.</remarks>
internal sealed class RecordingExceptionHandler(FaultAction action) : IExceptionHandler
{
    private readonly List<long> _sequences = [];

    /// <summary>Sequences whose handler threw, in the order they were reported.</summary>
    public IReadOnlyList<long> Sequences => _sequences;

    public FaultAction OnEventException(Exception exception, long sequence)
    {
        _sequences.Add(sequence);
        return action;
    }
}
