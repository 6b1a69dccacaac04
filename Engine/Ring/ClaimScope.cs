namespace Engine.Ring;

/// <summary>
/// A claimed ring slot that publishes itself when disposed, so a publish cannot be forgotten.
/// </summary>
/// <remarks>Producer thread only; use it in a <c>using</c> statement and do not let it escape.</remarks>
public readonly ref struct ClaimScope<T>
    where T : unmanaged
{
    private readonly RingBuffer<T> _ring;

    internal ClaimScope(RingBuffer<T> ring, long sequence)
    {
        _ring = ring;
        Sequence = sequence;
    }

    /// <summary>The claimed sequence.</summary>
    public long Sequence { get; }

    /// <summary>The claimed slot, to be written in place.</summary>
    public ref T Event => ref _ring[Sequence];

    /// <summary>Publishes the slot.</summary>
    public void Dispose() => _ring.Publish(Sequence);
}
