using System.Diagnostics;
using System.Numerics;
using Engine.Memory;

namespace Engine.Book;

/// <summary>
/// Order id to pool index: open addressing with linear probing over a power-of-two table at least
/// twice the pool's size, so probes stay short; removal shifts the following entries back instead
/// of leaving tombstones, so the table never degrades.
/// </summary>
/// <remarks>Owned by one book on the loop thread; allocates nothing after construction.</remarks>
internal sealed class OrderIndex
{
    private readonly long[] _keys;

    // Pool index + 1; 0 marks an empty bucket, so any long is a valid order id.
    private readonly int[] _values;
    private readonly int _mask;

    public OrderIndex(int maxEntries)
    {
        int buckets = (int)Math.Min(1L << 30, BitOperations.RoundUpToPowerOf2((uint)Math.Max(2, maxEntries * 2)));
        _keys = Prefaulted.Array<long>(buckets);
        _values = Prefaulted.Array<int>(buckets);
        _mask = buckets - 1;
    }

    /// <summary>Finds the pool index of <paramref name="orderId"/>.</summary>
    public bool TryGet(long orderId, out int poolIndex)
    {
        int bucket = Bucket(orderId);
        while (true)
        {
            int value = _values[bucket];
            if (value == 0)
            {
                poolIndex = -1;
                return false;
            }
            if (_keys[bucket] == orderId)
            {
                poolIndex = value - 1;
                return true;
            }
            bucket = (bucket + 1) & _mask;
        }
    }

    /// <summary>Adds <paramref name="orderId"/>; false if it is already present. The caller keeps entries below the pool's size.</summary>
    public bool TryAdd(long orderId, int poolIndex)
    {
        int bucket = Bucket(orderId);
        while (_values[bucket] != 0)
        {
            if (_keys[bucket] == orderId)
            {
                return false;
            }
            bucket = (bucket + 1) & _mask;
        }
        _keys[bucket] = orderId;
        _values[bucket] = poolIndex + 1;
        return true;
    }

    /// <summary>Removes <paramref name="orderId"/>, which must be present.</summary>
    public void Remove(long orderId)
    {
        int hole = Bucket(orderId);
        while (_keys[hole] != orderId || _values[hole] == 0)
        {
            Debug.Assert(_values[hole] != 0, "removing an order id that is not in the index");
            hole = (hole + 1) & _mask;
        }
        // Backward-shift deletion: move later entries of the probe run into the hole when their
        // home bucket is at or before it, so every lookup still finds them without tombstones.
        int next = (hole + 1) & _mask;
        while (_values[next] != 0)
        {
            int home = Bucket(_keys[next]);
            if (((next - home) & _mask) >= ((next - hole) & _mask))
            {
                _keys[hole] = _keys[next];
                _values[hole] = _values[next];
                hole = next;
            }
            next = (next + 1) & _mask;
        }
        _values[hole] = 0;
    }

    /// <summary>Empties the table.</summary>
    public void Clear() => Array.Clear(_values);

    // Ids go in blocks of eight to eight neighbouring buckets, and Fibonacci hashing spreads the
    // blocks over the table. Venues number orders in sequence and the orders resting at once are
    // mostly recent, so their entries share cache lines instead of each taking one of its own.
    private int Bucket(long orderId)
    {
        ulong id = (ulong)orderId;
        ulong block = ((id >> 3) * 0x9E3779B97F4A7C15UL) >> 34;
        return (int)(((block << 3) | (id & 7)) & (ulong)_mask);
    }
}
