using Engine.Orders;
using Engine.Risk;

namespace Engine.Admin;

/// <summary>
/// The loop's answers to an operator's commands (place, cancel, list). One request at a time: the
/// admin side holds a lock around each request; the loop writes the answer's fields, then the
/// request number with a release store, and the admin side waits for that number.
/// </summary>
/// <remarks>The loop writes into arrays sized at start-up and allocates nothing.</remarks>
public sealed class AdminMailbox
{
    private readonly Order[] _orders;
    private long _answered;
    private RiskRejectReason _reason;
    private long _clientOrderId;
    private bool _found;
    private int _orderCount;

    /// <summary>A mailbox that can list up to <paramref name="maxOrders"/> open orders.</summary>
    public AdminMailbox(int maxOrders) => _orders = new Order[maxOrders];

    /// <summary>The risk decision of the answered request (<see cref="RiskRejectReason.None"/>: sent).</summary>
    public RiskRejectReason Reason => _reason;

    /// <summary>The client order id the answer is about.</summary>
    public long ClientOrderId => _clientOrderId;

    /// <summary>For a cancel: whether the order was open.</summary>
    public bool Found => _found;

    /// <summary>For a list: the open orders.</summary>
    public ReadOnlySpan<Order> Orders => _orders.AsSpan(0, _orderCount);

    /// <summary>Waits up to <paramref name="timeout"/> for the loop to answer <paramref name="requestId"/>. Admin side.</summary>
    public bool WaitFor(long requestId, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var spin = new SpinWait();
        while (Volatile.Read(ref _answered) != requestId)
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }
            spin.SpinOnce();
        }
        return true;
    }

    /// <summary>Answers a place or cancel. Loop thread.</summary>
    internal void Answer(long requestId, RiskRejectReason reason, long clientOrderId, bool found)
    {
        _reason = reason;
        _clientOrderId = clientOrderId;
        _found = found;
        Volatile.Write(ref _answered, requestId);
    }

    /// <summary>Answers a list with the open orders of <paramref name="all"/>. Loop thread.</summary>
    internal void AnswerOrders(long requestId, ReadOnlySpan<Order> all)
    {
        int count = 0;
        foreach (ref readonly var order in all)
        {
            if (OrderTransitions.IsOpen(order.Status) && count < _orders.Length)
            {
                _orders[count++] = order;
            }
        }
        _orderCount = count;
        Volatile.Write(ref _answered, requestId);
    }
}
