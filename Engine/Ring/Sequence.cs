using System.Runtime.InteropServices;

namespace Engine.Ring;

/// <summary>
/// A 64-bit sequence counter on cache lines of its own: the cursor of a sequencer, or how far a
/// consumer has got.
/// </summary>
/// <remarks>
/// One thread writes a sequence; any thread may read it. Reads are acquire loads and
/// <see cref="SetValue"/> is a release store: what a producer wrote into a slot before publishing
/// its sequence is visible to a consumer that reads that sequence. Allocation-free.
/// </remarks>
[StructLayout(LayoutKind.Explicit)]
public sealed class Sequence
{
    /// <summary>The value of a sequence that has seen nothing yet.</summary>
    public const long InitialValue = -1;

    [FieldOffset(CacheLine.PaddingBytes)]
    private long _value;

#pragma warning disable CS0169 // never read: it only keeps the next heap object off _value's lines
    [FieldOffset(CacheLine.PaddingBytes * 2)]
    private readonly long _trailingGuard;
#pragma warning restore CS0169

    /// <summary>Creates a sequence at <paramref name="initialValue"/>.</summary>
    public Sequence(long initialValue = InitialValue) => _value = initialValue;

    /// <summary>The current value (acquire load).</summary>
    public long Value => Volatile.Read(ref _value);

    /// <summary>Sets the value with release semantics: earlier writes become visible first.</summary>
    public void SetValue(long value) => Volatile.Write(ref _value, value);

    /// <summary>Atomically sets the value if it equals <paramref name="expected"/>.</summary>
    public bool CompareAndSet(long expected, long value) =>
        Interlocked.CompareExchange(ref _value, value, expected) == expected;

    /// <summary>Atomically adds <paramref name="delta"/> and returns the new value.</summary>
    public long AddAndGet(long delta) => Interlocked.Add(ref _value, delta);

    /// <inheritdoc />
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The smallest value among <paramref name="sequences"/>, or <paramref name="whenEmpty"/> if
    /// there are none.
    /// </summary>
    public static long Minimum(Sequence[] sequences, long whenEmpty)
    {
        long minimum = long.MaxValue;
        foreach (var sequence in sequences)
        {
            long value = sequence.Value;
            if (value < minimum)
            {
                minimum = value;
            }
        }
        return sequences.Length == 0 ? whenEmpty : minimum;
    }
}
