using Engine.Host;
using Engine.Orders;
using Engine.Pipeline;
using Engine.Risk;
using Feeds.Instruments;

namespace Engine.Admin;

/// <summary>
/// The operator's commands, independent of their transport: place, cancel and list orders, kill and
/// resume. Input is validated here, so a bad request changes nothing; what passes goes to the loop
/// through the inbound ring and the answer comes back through the <see cref="AdminMailbox"/>.
/// </summary>
/// <remarks>Any thread; requests are serialised (one in flight), which is plenty for an operator.</remarks>
public sealed class AdminService
{
    private readonly EngineHost _host;
    private readonly InstrumentTable _instruments;
    private readonly AdminMailbox _mailbox;
    private readonly TimeSpan _timeout;
    private readonly Lock _gate = new();
    private long _nextRequest;

    /// <summary>Commands for <paramref name="host"/>, whose router answers into <paramref name="mailbox"/>.</summary>
    public AdminService(EngineHost host, InstrumentTable instruments, AdminMailbox mailbox, TimeSpan timeout)
    {
        _host = host;
        _instruments = instruments;
        _mailbox = mailbox;
        _timeout = timeout;
    }

    /// <summary>Validates and places an order; the answer says sent (with its client order id), refused by risk (with why), or invalid.</summary>
    public AdminAnswer Place(ManualOrder order)
    {
        if (!ManualOrderParser.TryParse(order, _instruments, out var intent, out var problems))
        {
            return AdminAnswer.Invalid(problems);
        }
        lock (_gate)
        {
            long request = Send(ControlCommand.PlaceOrder, intent);
            if (!_mailbox.WaitFor(request, _timeout))
            {
                return AdminAnswer.NoAnswer();
            }
            return _mailbox.Reason == RiskRejectReason.None
                ? AdminAnswer.Done(ClientOrderIds.Format(_mailbox.ClientOrderId), "sent")
                : AdminAnswer.Refused(ClientOrderIds.Format(_mailbox.ClientOrderId), _mailbox.Reason);
        }
    }

    /// <summary>Cancels the open order with the text client order id <paramref name="clientOrderId"/>.</summary>
    public AdminAnswer Cancel(string clientOrderId)
    {
        if (!ClientOrderIds.TryParse(clientOrderId, out long id))
        {
            return AdminAnswer.Invalid([$"clientOrderId: '{clientOrderId}' is not one of this engine's ids (eng-<number>)"]);
        }
        lock (_gate)
        {
            long request = Send(ControlCommand.CancelOrder, new OrderIntent(id, 0, Feeds.Side.None, OrderType.None, TimeInForce.None, 0));
            if (!_mailbox.WaitFor(request, _timeout))
            {
                return AdminAnswer.NoAnswer();
            }
            if (!_mailbox.Found)
            {
                return AdminAnswer.NotFound(clientOrderId);
            }
            return _mailbox.Reason == RiskRejectReason.None
                ? AdminAnswer.Done(clientOrderId, "cancel sent")
                : AdminAnswer.Refused(clientOrderId, _mailbox.Reason);
        }
    }

    /// <summary>The open orders, or null when the loop did not answer in time.</summary>
    public IReadOnlyList<AdminOrderView>? List()
    {
        lock (_gate)
        {
            long request = Send(ControlCommand.ListOrders, default);
            if (!_mailbox.WaitFor(request, _timeout))
            {
                return null;
            }
            var views = new List<AdminOrderView>();
            foreach (ref readonly var order in _mailbox.Orders)
            {
                views.Add(AdminOrderView.Of(in order, _instruments));
            }
            return views;
        }
    }

    /// <summary>Engages the kill switch.</summary>
    public void Kill() => _host.Send(ControlCommand.Kill);

    /// <summary>Releases the kill switch and closes the breaker.</summary>
    public void Resume() => _host.Send(ControlCommand.Resume);

    private long Send(ControlCommand command, in OrderIntent intent)
    {
        long request = ++_nextRequest;
        _host.Send(command, in intent, request);
        return request;
    }
}
