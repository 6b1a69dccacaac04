namespace Engine.Orders;

/// <summary>The router's counts: live on the loop, copied with release stores at each end of batch for other threads.</summary>
public sealed class RouterCounters
{
    private long _sent;
    private long _fills;
    private long _cancelsSent;
    private long _cancelsNotSent;
    private long _venueRejects;
    private long _refusedOutboundFull;
    private long _refusedTableFull;
    private long _unknownReports;
    private long _illegalTransitions;
    private long _fillsRefusedByPositions;
    private long _flattenOrders;
    private long _replaces;
    private long _replacesNotSent;
    private long _ordersFilled;
    private long _ordersCanceled;
    private long _unanswered;
    private long _unwatched;

    /// <summary>New orders written to the outbound ring.</summary>
    public long Sent { get => Volatile.Read(ref _sent); internal set => _sent = value; }

    /// <summary>Fills applied.</summary>
    public long Fills { get => Volatile.Read(ref _fills); internal set => _fills = value; }

    /// <summary>Cancels written to the outbound ring.</summary>
    public long CancelsSent { get => Volatile.Read(ref _cancelsSent); internal set => _cancelsSent = value; }

    /// <summary>Cancels not sent: unknown, final or already cancelling order, or a full ring.</summary>
    public long CancelsNotSent { get => Volatile.Read(ref _cancelsNotSent); internal set => _cancelsNotSent = value; }

    /// <summary>Orders the venue rejected.</summary>
    public long VenueRejects { get => Volatile.Read(ref _venueRejects); internal set => _venueRejects = value; }

    /// <summary>Orders refused because the outbound ring was full.</summary>
    public long RefusedOutboundFull { get => Volatile.Read(ref _refusedOutboundFull); internal set => _refusedOutboundFull = value; }

    /// <summary>Orders refused because every slot of the order table held an open order.</summary>
    public long RefusedTableFull { get => Volatile.Read(ref _refusedTableFull); internal set => _refusedTableFull = value; }

    /// <summary>Reports for orders the router does not know (their fills still reach the positions).</summary>
    public long UnknownReports { get => Volatile.Read(ref _unknownReports); internal set => _unknownReports = value; }

    /// <summary>Reports the order's state did not allow (the order is left as it was; fills still reach the positions).</summary>
    public long IllegalTransitions { get => Volatile.Read(ref _illegalTransitions); internal set => _illegalTransitions = value; }

    /// <summary>Fills the position table refused (out of its bounds).</summary>
    public long FillsRefusedByPositions { get => Volatile.Read(ref _fillsRefusedByPositions); internal set => _fillsRefusedByPositions = value; }

    /// <summary>Market orders sent by a kill with flatten.</summary>
    public long FlattenOrders { get => Volatile.Read(ref _flattenOrders); internal set => _flattenOrders = value; }

    /// <summary>Replaces sent (a cancel of the old order and the new order).</summary>
    public long Replaces { get => Volatile.Read(ref _replaces); internal set => _replaces = value; }

    /// <summary>Replaces not sent because the old order was no longer open (filled, or already being cancelled).</summary>
    public long ReplacesNotSent { get => Volatile.Read(ref _replacesNotSent); internal set => _replacesNotSent = value; }

    /// <summary>Orders completely filled.</summary>
    public long OrdersFilled { get => Volatile.Read(ref _ordersFilled); internal set => _ordersFilled = value; }

    /// <summary>Orders whose cancel the venue confirmed (their remaining quantity cancelled).</summary>
    public long OrdersCanceled { get => Volatile.Read(ref _ordersCanceled); internal set => _ordersCanceled = value; }

    /// <summary>Orders the venue had not answered <c>orders.ackTimeoutMs</c> after their send (each counted once, and once to the breaker as an error).</summary>
    public long Unanswered { get => Volatile.Read(ref _unanswered); internal set => _unanswered = value; }

    /// <summary>Orders no longer watched for an answer: more were sent within one <c>orders.ackTimeoutMs</c> than the order table holds.</summary>
    public long Unwatched { get => Volatile.Read(ref _unwatched); internal set => _unwatched = value; }

    internal void CopyFrom(RouterCounters live)
    {
        Volatile.Write(ref _unanswered, live._unanswered);
        Volatile.Write(ref _unwatched, live._unwatched);
        Volatile.Write(ref _replaces, live._replaces);
        Volatile.Write(ref _replacesNotSent, live._replacesNotSent);
        Volatile.Write(ref _sent, live._sent);
        Volatile.Write(ref _fills, live._fills);
        Volatile.Write(ref _cancelsSent, live._cancelsSent);
        Volatile.Write(ref _cancelsNotSent, live._cancelsNotSent);
        Volatile.Write(ref _venueRejects, live._venueRejects);
        Volatile.Write(ref _refusedOutboundFull, live._refusedOutboundFull);
        Volatile.Write(ref _refusedTableFull, live._refusedTableFull);
        Volatile.Write(ref _unknownReports, live._unknownReports);
        Volatile.Write(ref _illegalTransitions, live._illegalTransitions);
        Volatile.Write(ref _fillsRefusedByPositions, live._fillsRefusedByPositions);
        Volatile.Write(ref _flattenOrders, live._flattenOrders);
        Volatile.Write(ref _ordersFilled, live._ordersFilled);
        Volatile.Write(ref _ordersCanceled, live._ordersCanceled);
    }
}
