using System.Diagnostics;
using Engine.Admin;
using Engine.Metrics;
using Engine.Pipeline;
using Engine.Positions;
using Engine.Ring;
using Engine.Risk;
using Feeds;

namespace Engine.Orders;

/// <summary>
/// Handler #5 of the chain: turns the intents the risk stage approved into orders and writes their
/// commands into the outbound ring; applies the venues' execution reports from the inbound ring to
/// the orders, the positions and the risk engine's open-order state; carries out the kill switch's
/// requests (cancel all, flatten).
/// </summary>
/// <remarks>
/// <para>Loop thread only; nothing allocates after construction. A command is written with
/// <c>TryNext</c>: a full outbound ring refuses the order (counted, reported to the breaker as an
/// error) instead of blocking the loop.</para>
/// <para>Risk counts an order as open from the moment it is sent (pending new), so orders on their
/// way cannot let later ones past the limits. A replace (an intent with
/// <see cref="OrderIntent.ReplacesClientOrderId"/>) is a cancel of the old order and the new order,
/// written in that order: the risk checks ran with the old order still open, and both stay counted
/// until the venue answers the cancel, so a fill of the old order racing the replace can never take
/// the position past a limit. A fill always reaches the positions, even one that
/// arrives for an order in a state that does not expect it (counted as an illegal transition), because
/// the shares have moved.</para>
/// </remarks>
public sealed class RouterStage
{
    private readonly RiskStage _risk;
    private readonly OrderTable _orders;
    private readonly RingBuffer<OrderCommand> _outbound;
    private readonly ClientOrderIds _ids;
    private readonly IClock _clock;
    private readonly AdminMailbox? _admin;
    private readonly RouterCounters _live = new();
    private readonly AwaitedAnswers _awaited;
    private long _lastEventNs;

    /// <summary>
    /// Wires the router after <paramref name="risk"/>, writing into <paramref name="outbound"/>. With <paramref name="ackTimeoutMs"/> above 0, an order the venue has
    /// not answered that long after its send is counted (<see cref="RouterCounters.Unanswered"/>) and
    /// reported to the breaker as an error (<see cref="CheckAnswers"/>).
    /// </summary>
    public RouterStage(RiskStage risk, OrderTable orders, RingBuffer<OrderCommand> outbound, ClientOrderIds ids, IClock clock, AdminMailbox? admin = null, int ackTimeoutMs = 0)
    {
        ArgumentNullException.ThrowIfNull(risk);
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(outbound);
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(clock);
        _risk = risk;
        _orders = orders;
        _outbound = outbound;
        _ids = ids;
        _clock = clock;
        _admin = admin;
        _awaited = new AwaitedAnswers(ackTimeoutMs > 0 ? orders.Capacity : 0, ackTimeoutMs * Stopwatch.Frequency / 1_000);
    }

    /// <summary>The orders.</summary>
    public OrderTable Orders => _orders;

    /// <summary>The client order ids: a stage that wants to follow its orders takes ids here and puts them in its intents.</summary>
    public ClientOrderIds Ids => _ids;

    /// <summary>The counts as of the last <see cref="PublishSnapshot"/> (each end of batch), for any thread.</summary>
    public RouterCounters Snapshot { get; } = new();

    /// <summary>
    /// Tick to order: from the publish of the event that led to a new order (a market event, or an
    /// operator's or kill's command) to the order's command written to the outbound ring. Recorded on
    /// the loop; read it from any thread through a <see cref="LatencyWindow"/>.
    /// </summary>
    public LatencyHistogram TickToOrder { get; } = new();

    /// <summary>
    /// Intent to acknowledgement: from an order's command written to the outbound ring to the loop
    /// handling the venue's first answer for it (accepted, a fill or a reject). Recorded on the loop;
    /// read it from any thread through a <see cref="LatencyWindow"/>.
    /// </summary>
    public LatencyHistogram IntentToAck { get; } = new();

    /// <summary>Handles one inbound event after the risk stage. Loop thread only.</summary>
    public void OnEvent(ref InboundEvent e)
    {
        if (e.Kind == InboundKind.MarketData)
        {
            _lastEventNs = e.Market.TsEventNs;
        }
        else if (e.Kind == InboundKind.Execution)
        {
            OnExecution(in e.Execution);
        }
        else if (_admin is not null)
        {
            OnOperator(ref e);
        }
        var requests = _risk.Breaker.TakeKillRequests();
        if (e.Kind == InboundKind.Command && e.Command == ControlCommand.CancelAll)
        {
            requests |= KillRequests.CancelAll;
        }
        if (requests != KillRequests.None)
        {
            OnKill(requests, e.TsPublishTicks);
        }
        var approved = _risk.Approved;
        for (int i = 0; i < approved.Count; i++)
        {
            ref readonly var intent = ref approved.Intents[i];
            if (intent.IsCancel)
            {
                RequestCancel(intent.ClientOrderId, e.TsPublishTicks);
            }
            else
            {
                if (intent.IsReplace)
                {
                    // Cancel first: until the venue answers it, risk counts both orders as open. An
                    // old order no longer open (filled, or already being cancelled) is not replaced.
                    if (!RequestCancel(intent.ReplacesClientOrderId, e.TsPublishTicks))
                    {
                        _live.ReplacesNotSent++;
                        continue;
                    }
                    _live.Replaces++;
                }
                SendNew(in intent, in approved.Decisions[i], e.TsPublishTicks);
            }
        }
        approved.Clear();
    }

    /// <summary>Copies the live counts to <see cref="Snapshot"/>: at each end of batch, once the event has been through every stage. Loop thread only.</summary>
    public void PublishSnapshot() => Snapshot.CopyFrom(_live);

    /// <summary>
    /// At each end of batch, <paramref name="nowTicks"/> the batch's last publish stamp: every order sent at
    /// least <c>orders.ackTimeoutMs</c> before it that the venue has still not answered (no accept,
    /// reject or fill; still open) is counted once as unanswered and reported to the breaker as an
    /// order-path error. It stays open: only the venue knows what became of it. Loop thread only.
    /// </summary>
    public void CheckAnswers(long nowTicks)
    {
        while (_awaited.TryPeek(out int slot, out long clientOrderId, out long sentTicks))
        {
            ref readonly var order = ref _orders[slot];
            if (order.ClientOrderId != clientOrderId || order.Acknowledged || !OrderTransitions.IsOpen(order.Status))
            {
                // Answered (or final, its slot even reused): nothing to wait for.
                _awaited.Pop();
                continue;
            }
            if (nowTicks - sentTicks < _awaited.TimeoutTicks)
            {
                return;
            }
            _awaited.Pop();
            _live.Unanswered++;
            _risk.Breaker.OnError(_risk.NowNs);
        }
    }

    /// <summary>An operator's place, cancel or list: the order goes through the risk checks like any other, and the answer to the admin mailbox.</summary>
    private void OnOperator(ref InboundEvent e)
    {
        switch (e.Command)
        {
            case ControlCommand.PlaceOrder:
                long id = _ids.Next();
                var decision = _risk.Submit(e.Intent with { ClientOrderId = id });
                _admin!.Answer(e.RequestId, decision.Reason, id, found: true);
                break;
            case ControlCommand.CancelOrder:
                int slot = _orders.Find(e.Intent.ClientOrderId);
                bool open = slot >= 0 && OrderTransitions.IsOpen(_orders[slot].Status);
                var cancel = open ? _risk.Submit(e.Intent with { IsCancel = true, InstrumentId = _orders[slot].InstrumentId }) : default;
                _admin!.Answer(e.RequestId, cancel.Reason, e.Intent.ClientOrderId, open);
                break;
            case ControlCommand.ListOrders:
                _admin!.AnswerOrders(e.RequestId, _orders.All);
                break;
        }
    }

    /// <summary>
    /// Sends an approved order: its command goes out first and its bookkeeping (the order table, the
    /// latency, the risk engine's open-order state) follows. Nothing can come back for the order before
    /// the loop has finished this event, so the table is current when the venue's answer is handled.
    /// </summary>
    private void SendNew(in OrderIntent intent, in RiskDecision decision, long originTicks)
    {
        long id = intent.ClientOrderId != 0 ? intent.ClientOrderId : _ids.Next();
        if (!_orders.CanAdd(id))
        {
            _live.RefusedTableFull++;
            return;
        }
        if (!_outbound.TryNext(out long commandSequence))
        {
            _live.RefusedOutboundFull++;
            int refused = _orders.Add(id);
            _orders[refused].Status = OrderStatus.Rejected;
            _orders.Retire(refused);
            _risk.Breaker.OnError(_clock.UtcNowNs());
            return;
        }
        long sentTicks = WriteNew(commandSequence, id, in intent, originTicks);
        int slot = _orders.Add(id);
        ref var order = ref _orders[slot];
        order.InstrumentId = intent.InstrumentId;
        order.Side = intent.Side;
        order.Type = intent.Type;
        order.TimeInForce = intent.TimeInForce;
        order.Quantity = intent.Quantity;
        order.LimitPriceTicks = intent.LimitPriceTicks;
        order.StopPriceTicks = intent.StopPriceTicks;
        order.TrailTicks = intent.TrailTicks;
        order.IsProbe = decision.IsProbe;
        order.ParentId = intent.ParentId;
        order.OpenNotionalCents = decision.NotionalCents;
        order.DecisionReferenceSubTicks = decision.ReferenceSubTicks;
        order.EstimatedPriceSubTicks = decision.EstimatedPriceSubTicks;
        order.SentTicks = sentTicks;
        TickToOrder.Record(sentTicks - originTicks);
        _risk.Engine.OnOrderAccepted(intent.InstrumentId, intent.Side, intent.Quantity, decision.NotionalCents);
        _live.Sent++;
        if (!_awaited.TryAdd(slot, id, sentTicks))
        {
            _live.Unwatched++;
        }
    }

    /// <summary>Writes and publishes the command of new order <paramref name="clientOrderId"/>; returns its send stamp.</summary>
    private long WriteNew(long commandSequence, long clientOrderId, in OrderIntent intent, long originTicks)
    {
        ref var c = ref _outbound[commandSequence];
        c.Kind = OrderCommandKind.New;
        c.ClientOrderId = clientOrderId;
        c.InstrumentId = intent.InstrumentId;
        c.Side = intent.Side;
        c.Type = intent.Type;
        c.TimeInForce = intent.TimeInForce;
        c.Quantity = intent.Quantity;
        c.LimitPriceTicks = intent.LimitPriceTicks;
        c.StopPriceTicks = intent.StopPriceTicks;
        c.TrailTicks = intent.TrailTicks;
        c.OriginEventNs = _lastEventNs;
        c.TsOriginTicks = originTicks;
        long sentTicks = Stopwatch.GetTimestamp();
        c.TsSentTicks = sentTicks;
        _outbound.Publish(commandSequence);
        return sentTicks;
    }

    /// <summary>Sends a cancel for an open order not already being cancelled; counts what it cannot and returns whether it sent one.</summary>
    private bool RequestCancel(long clientOrderId, long originTicks)
    {
        int slot = _orders.Find(clientOrderId);
        if (slot < 0 || !OrderTransitions.IsOpen(_orders[slot].Status) || _orders[slot].Status == OrderStatus.PendingCancel)
        {
            _live.CancelsNotSent++;
            return false;
        }
        if (!_outbound.TryNext(out long commandSequence))
        {
            _live.CancelsNotSent++;
            _risk.Breaker.OnError(_clock.UtcNowNs());
            return false;
        }
        ref var order = ref _orders[slot];
        ref var c = ref _outbound[commandSequence];
        c.Kind = OrderCommandKind.Cancel;
        c.ClientOrderId = clientOrderId;
        c.InstrumentId = order.InstrumentId;
        c.Side = order.Side;
        c.OriginEventNs = _lastEventNs;
        c.TsOriginTicks = originTicks;
        c.TsSentTicks = Stopwatch.GetTimestamp();
        _outbound.Publish(commandSequence);
        order.Status = OrderStatus.PendingCancel;
        _live.CancelsSent++;
        return true;
    }

    private void OnExecution(in ExecutionReport report)
    {
        long nowNs = _clock.UtcNowNs();
        bool isFill = report.Kind is ExecutionKind.Fill or ExecutionKind.PartialFill;
        int slot = _orders.Find(report.ClientOrderId);
        if (slot < 0)
        {
            _live.UnknownReports++;
            if (isFill)
            {
                ApplyToPositions(new Fill(report.InstrumentId, report.Side, report.LastQuantity, report.LastPriceTicks, report.FeeValue), 0, done: false, nowNs);
            }
            return;
        }
        ref var order = ref _orders[slot];
        long filledAfter = order.FilledQuantity + (isFill ? report.LastQuantity : 0);
        if (!OrderTransitions.TryApply(order.Status, report.Kind, filledAfter, out var next))
        {
            _live.IllegalTransitions++;
            if (isFill)
            {
                // The order's state is wrong, not the fill: it counts for the order and the position.
                order.FilledQuantity = filledAfter;
                order.FilledValueTicks += (Int128)report.LastQuantity * report.LastPriceTicks;
                ApplyToPositions(new Fill(order.InstrumentId, order.Side, report.LastQuantity, report.LastPriceTicks, report.FeeValue), 0, done: false, nowNs);
            }
            return;
        }
        if (!order.Acknowledged && report.Kind is ExecutionKind.Accepted or ExecutionKind.Rejected or ExecutionKind.PartialFill or ExecutionKind.Fill)
        {
            order.Acknowledged = true;
            IntentToAck.Record(Stopwatch.GetTimestamp() - order.SentTicks);
        }
        long leavesBefore = order.Quantity - order.FilledQuantity;
        if (isFill)
        {
            ApplyFill(ref order, in report, leavesBefore, next == OrderStatus.Filled, nowNs);
        }
        else if (next is OrderStatus.Canceled or OrderStatus.Expired or OrderStatus.Rejected or OrderStatus.Replaced)
        {
            _risk.Engine.OnOrderClosed(order.InstrumentId, order.Side, leavesBefore, order.OpenNotionalCents);
            order.OpenNotionalCents = 0;
        }
        ReportOutcome(in order, report, nowNs);
        if (next != order.Status)
        {
            if (next == OrderStatus.Filled)
            {
                _live.OrdersFilled++;
            }
            else if (next == OrderStatus.Canceled)
            {
                _live.OrdersCanceled++;
            }
        }
        order.Status = next;
        if (OrderTransitions.IsFinal(next))
        {
            _orders.Retire(slot);
        }
    }

    private void ApplyFill(ref Order order, in ExecutionReport report, long leavesBefore, bool done, long nowNs)
    {
        long quantity = Math.Min(report.LastQuantity, leavesBefore);
        long released = done || quantity >= leavesBefore
            ? order.OpenNotionalCents
            : (long)((Int128)order.OpenNotionalCents * quantity / leavesBefore);
        order.OpenNotionalCents -= released;
        order.FilledQuantity += report.LastQuantity;
        order.FilledValueTicks += (Int128)report.LastQuantity * report.LastPriceTicks;
        ApplyToPositions(new Fill(order.InstrumentId, order.Side, report.LastQuantity, report.LastPriceTicks, report.FeeValue), released, done, nowNs);
    }

    /// <summary>Every fill the venue reports goes to the positions; one they refuse (a price or position outside <c>positions.*</c>'s bounds) is counted, and the host logs it.</summary>
    private void ApplyToPositions(in Fill fill, long releasedNotionalCents, bool done, long nowNs)
    {
        if (_risk.Engine.OnFill(in fill, releasedNotionalCents, done, nowNs) != PositionError.None)
        {
            _live.FillsRefusedByPositions++;
        }
        _live.Fills++;
    }

    /// <summary>Tells the breaker what the venue said: rejects and errors count toward its windows, and a probe's first answer is its outcome.</summary>
    private void ReportOutcome(in Order order, in ExecutionReport report, long nowNs)
    {
        var breaker = _risk.Breaker;
        if (report.Kind == ExecutionKind.Rejected)
        {
            _live.VenueRejects++;
            if (report.Reject is VenueRejectReason.VenueUnavailable or VenueRejectReason.RateLimited)
            {
                breaker.OnError(nowNs);
            }
            else
            {
                breaker.OnReject(nowNs);
            }
        }
        if (order.IsProbe && order.Status == OrderStatus.PendingNew)
        {
            bool succeeded = report.Kind is ExecutionKind.Accepted or ExecutionKind.Fill or ExecutionKind.PartialFill;
            breaker.OnProbeOutcome(succeeded, nowNs);
        }
    }

    /// <summary>The kill switch: cancel every open order and, when asked, close every position with a market order that bypasses the halted trading state.</summary>
    private void OnKill(KillRequests requests, long originTicks)
    {
        if ((requests & KillRequests.CancelAll) != 0)
        {
            var all = _orders.All;
            for (int slot = 0; slot < all.Length; slot++)
            {
                if (OrderTransitions.IsOpen(all[slot].Status))
                {
                    RequestCancel(all[slot].ClientOrderId, originTicks);
                }
            }
        }
        if ((requests & KillRequests.Flatten) != 0)
        {
            var positions = _risk.Positions;
            for (int id = 0; id < positions.Instruments; id++)
            {
                long quantity = positions[id].Quantity;
                if (quantity != 0)
                {
                    var close = new OrderIntent(0, id, quantity > 0 ? Side.Sell : Side.Buy, OrderType.Market, TimeInForce.Day, Math.Abs(quantity));
                    SendNew(in close, default, originTicks);
                    _live.FlattenOrders++;
                }
            }
        }
    }
}
