namespace Engine.Venues.Alpaca;

/// <summary>
/// Client order id to Alpaca order id, for cancels, from the orders the client has seen (placed,
/// looked up, listed). Bounded: past its capacity the oldest entry is forgotten, and a cancel of a
/// forgotten order looks its id up first.
/// </summary>
/// <remarks>Thread-safe (a lock; gateway threads only, never the loop).</remarks>
internal sealed class AlpacaOrderIdMap
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _orderIds;
    private readonly Queue<string> _age;
    private readonly int _capacity;

    /// <summary>A map of at most <paramref name="capacity"/> entries.</summary>
    public AlpacaOrderIdMap(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        _orderIds = new Dictionary<string, string>(capacity + 1, StringComparer.Ordinal);
        _age = new Queue<string>(capacity + 1);
    }

    /// <summary>Entries held.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _orderIds.Count;
            }
        }
    }

    /// <summary>Remembers that <paramref name="clientOrderId"/> is Alpaca's <paramref name="orderId"/>.</summary>
    public void Remember(string clientOrderId, string orderId)
    {
        if (clientOrderId.Length == 0 || orderId.Length == 0)
        {
            return;
        }
        lock (_gate)
        {
            if (!_orderIds.TryAdd(clientOrderId, orderId))
            {
                _orderIds[clientOrderId] = orderId;
                return;
            }
            _age.Enqueue(clientOrderId);
            if (_age.Count > _capacity)
            {
                _orderIds.Remove(_age.Dequeue());
            }
        }
    }

    /// <summary>Alpaca's id of <paramref name="clientOrderId"/>, when remembered.</summary>
    public bool TryGet(string clientOrderId, out string orderId)
    {
        lock (_gate)
        {
            if (_orderIds.TryGetValue(clientOrderId, out string? found))
            {
                orderId = found;
                return true;
            }
        }
        orderId = "";
        return false;
    }
}
