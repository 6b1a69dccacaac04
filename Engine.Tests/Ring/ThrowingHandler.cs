using Engine.Ring;

namespace Engine.Tests.Ring;

/// <summary>Throws on chosen sequences and records every sequence it handled without throwing.</summary>
/// <remarks>Processor thread only; read <see cref="Handled"/> after the processor has stopped.</remarks>
internal sealed class ThrowingHandler(params long[] throwOn) : IEventHandler<TestEvent>
{
    private readonly HashSet<long> _throwOn = [.. throwOn];
    private readonly List<long> _handled = [];

    /// <summary>Sequences handled without throwing, in order.</summary>
    public IReadOnlyList<long> Handled => _handled;

    public void OnEvent(ref TestEvent e, long sequence, bool endOfBatch)
    {
        if (_throwOn.Contains(sequence))
        {
            throw new InvalidOperationException($"test fault at sequence {sequence}");
        }
        _handled.Add(sequence);
    }
}
