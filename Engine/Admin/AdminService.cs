using Engine.Host;
using Engine.Orders;
using Engine.Orders.Twap;
using Engine.Pipeline;
using Engine.Risk;
using Feeds.Instruments;

namespace Engine.Admin;

/// <summary>
/// The operator's commands, independent of their transport: place, cancel and list orders, start,
/// cancel and show a TWAP parent, kill and resume. Input is validated here, so a bad request changes nothing; what passes goes to the loop
/// through the inbound ring and the answer comes back through the <see cref="AdminMailbox"/>.
/// </summary>
/// <remarks>Any thread; requests are serialised (one in flight), which is plenty for an operator.</remarks>
public sealed class AdminService
{
    private readonly EngineHost _host;
    private readonly InstrumentTable _instruments;
    private readonly AdminMailbox _mailbox;
    private readonly TimeSpan _timeout;
    private readonly Func<bool>? _reload;
    private readonly Lock _gate = new();
    private long _nextRequest;
    private TwapParent? _twap; // the last parent the loop started; its snapshot is what GET shows

    /// <summary>
    /// Commands for <paramref name="host"/>, whose router answers into <paramref name="mailbox"/>;
    /// <paramref name="reload"/> re-reads the configuration like SIGHUP (true when it was applied), if given.
    /// </summary>
    public AdminService(EngineHost host, InstrumentTable instruments, AdminMailbox mailbox, TimeSpan timeout, Func<bool>? reload = null)
    {
        _reload = reload;
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

    /// <summary>
    /// Validates a TWAP parent, builds its executor and snapshot here (off the loop) and hands them to
    /// the loop, which starts it unless a parent is still active. The answer says started (with the
    /// parent id), refused because one is active (with its id), or invalid with every problem.
    /// </summary>
    public AdminAnswer StartTwap(TwapRequest request)
    {
        if (!TwapRequestParser.TryParse(request, _instruments, LotSizes(), out var options, out var problems))
        {
            return AdminAnswer.Invalid(problems);
        }
        // The parser checked what the constructor checks: it does not throw here.
        var executor = new TwapExecutor(options, _host.Books, _host.Risk, _host.Router);
        var parent = new TwapParent(executor, new TwapSnapshot(options.Slices));
        lock (_gate)
        {
            _host.TwapParents.Post(parent);
            long requestId = Send(ControlCommand.StartTwap, default);
            if (!_mailbox.WaitFor(requestId, _timeout))
            {
                return AdminAnswer.NoAnswer();
            }
            string parentId = ClientOrderIds.Format(_mailbox.ClientOrderId);
            if (!_mailbox.Found)
            {
                return new AdminAnswer("twap active", parentId, Reason: $"parent {parentId} is still active: cancel it (DELETE /admin/twap) or wait for it to end");
            }
            Volatile.Write(ref _twap, parent);
            return AdminAnswer.Done(parentId, "twap started");
        }
    }

    /// <summary>Cancels the active TWAP parent: no more slices, its working children cancelled.</summary>
    public AdminAnswer CancelTwap()
    {
        lock (_gate)
        {
            long request = Send(ControlCommand.CancelTwap, default);
            if (!_mailbox.WaitFor(request, _timeout))
            {
                return AdminAnswer.NoAnswer();
            }
            return _mailbox.Found
                ? AdminAnswer.Done(ClientOrderIds.Format(_mailbox.ClientOrderId), "twap cancelled")
                : new AdminAnswer("not found", Reason: "no TWAP parent is pending or working");
        }
    }

    /// <summary>The last TWAP parent started and its children, as of the loop's last publish; null before the first (or if every read overlapped a publish).</summary>
    public TwapView? ShowTwap()
    {
        var parent = Volatile.Read(ref _twap);
        if (parent is null)
        {
            return null;
        }
        var report = new TwapReport(parent.Executor.Slices);
        return parent.Snapshot.TryRead(report) ? TwapView.Of(report, _instruments) : null;
    }

    /// <summary>Engages the kill switch.</summary>
    public void Kill() => _host.Send(ControlCommand.Kill);

    /// <summary>Releases the kill switch and closes the breaker.</summary>
    public void Resume() => _host.Send(ControlCommand.Resume);

    /// <summary>The kill switch, then every open order cancelled and every position closed at market.</summary>
    public void KillAndFlatten() => _host.Send(ControlCommand.KillAndFlatten);

    /// <summary>Only orders that reduce a position pass until <see cref="Resume"/>.</summary>
    public void ReduceOnly() => _host.Send(ControlCommand.ReduceOnly);

    /// <summary>Re-reads the configuration as SIGHUP does: the answer says reloaded, or refused (the running configuration stays; the log lists every problem).</summary>
    public AdminAnswer Reload()
    {
        if (_reload is null)
        {
            return new AdminAnswer("not found", Reason: "reload is not served by this engine");
        }
        return _reload()
            ? new AdminAnswer("reloaded")
            : new AdminAnswer("refused", Reason: "the configuration did not validate; the running configuration stays (the log lists every problem)");
    }

    /// <summary>Cancels every open order (the kill switch's first step, without halting trading).</summary>
    public void CancelAll() => _host.Send(ControlCommand.CancelAll);

    /// <summary>The risk limits' instrument count and lot sizes in force.</summary>
    private (int Instruments, Func<int, long> LotSize) LotSizes()
    {
        var limits = _host.Risk.Engine.Limits;
        return (Math.Min(_host.Books.Count, limits.Instruments), id => limits.Rules[id].LotSize);
    }

    private long Send(ControlCommand command, in OrderIntent intent)
    {
        long request = ++_nextRequest;
        _host.Send(command, in intent, request);
        return request;
    }
}
