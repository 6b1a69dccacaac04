using Engine.Ring;

namespace Engine.Positions;

/// <summary>A fixed-size list the caller hands to <see cref="PositionTable.Mark"/> to collect closing intents.</summary>
/// <remarks>
/// Loop thread only. Sized once; when full, further intents are counted in <see cref="Dropped"/> and
/// the position stays armed, so its stop fires again on the next mark. The caller drains it (reads
/// <see cref="Count"/> items, then <see cref="Clear"/>) at batch end. Nothing allocates after construction.
/// </remarks>
public sealed class ClosingIntentBuffer
{
    private readonly ClosingIntent[] _items;

    /// <summary>Creates a buffer for at most <paramref name="capacity"/> intents.</summary>
    public ClosingIntentBuffer(int capacity)
    {
        if (capacity < 1)
        {
            ThrowHelper.ThrowArgument(nameof(capacity), $"capacity {capacity} must be at least 1");
        }
        _items = new ClosingIntent[capacity];
    }

    /// <summary>Intents held.</summary>
    public int Count { get; private set; }

    /// <summary>Intents refused because the buffer was full, since construction.</summary>
    public long Dropped { get; private set; }

    /// <summary>The intents held, oldest first.</summary>
    public ReadOnlySpan<ClosingIntent> Items => _items.AsSpan(0, Count);

    /// <summary>Appends <paramref name="intent"/>; false (and counted) when full.</summary>
    public bool TryAdd(in ClosingIntent intent)
    {
        if (Count == _items.Length)
        {
            Dropped++;
            return false;
        }
        _items[Count++] = intent;
        return true;
    }

    /// <summary>Forgets the intents held.</summary>
    public void Clear() => Count = 0;
}
