namespace Engine.Venues.Paper;

/// <summary>The counts of <see cref="PaperMatcher"/>: plain fields of the loop thread; read them from another thread only after the loop has stopped.</summary>
public sealed partial class PaperMatcher
{
    /// <summary>Commands taken by <see cref="OnCommand"/>.</summary>
    public long CommandsReceived { get; private set; }

    /// <summary>Commands that were neither a new order nor a cancel (ignored).</summary>
    public long InvalidCommands { get; private set; }

    /// <summary>New orders accepted.</summary>
    public long OrdersAccepted { get; private set; }

    /// <summary>New orders rejected, for any reason (the counts below say which).</summary>
    public long OrdersRejected { get; private set; }

    /// <summary>New orders rejected for an instrument id without a book.</summary>
    public long RejectedUnknownInstrument { get; private set; }

    /// <summary>New orders rejected for a quantity of 0 or less.</summary>
    public long RejectedInvalidQuantity { get; private set; }

    /// <summary>New orders rejected for a side, type (trailing stops), time in force (opg, cls; stops other than day or gtc) or missing price the paper venue does not take.</summary>
    public long RejectedUnsupported { get; private set; }

    /// <summary>New orders rejected for reusing the client order id of a resting or remembered order.</summary>
    public long RejectedDuplicateId { get; private set; }

    /// <summary>Day or gtc limit, stop and stop-limit orders rejected because <see cref="PaperVenueOptions.MaxRestingOrders"/> orders were resting.</summary>
    public long RejectedPoolFull { get; private set; }

    /// <summary>Market and fill-or-kill orders rejected against an empty opposite side.</summary>
    public long RejectedNoLiquidity { get; private set; }

    /// <summary>Commands refused because <see cref="PaperVenueOptions.MaxHeldCommands"/> were held.</summary>
    public long HeldCommandsFull { get; private set; }

    /// <summary>Stop and stop-limit orders triggered by a trade.</summary>
    public long StopsTriggered { get; private set; }

    /// <summary>Fill reports (partial and complete).</summary>
    public long Fills { get; private set; }

    /// <summary>Orders cancelled: on request, and the unfilled rest of IOC, FOK and market orders.</summary>
    public long OrdersCanceled { get; private set; }

    /// <summary>Day orders expired at the end of the session.</summary>
    public long OrdersExpired { get; private set; }

    /// <summary>Cancels of an order the venue never saw (or has forgotten).</summary>
    public long CancelsNotFound { get; private set; }

    /// <summary>Cancels of an order already final.</summary>
    public long CancelsNotCancelable { get; private set; }

    /// <summary>Reports produced (published or held).</summary>
    public long ReportsPublished { get; private set; }

    /// <summary>Held reports published before their time because <see cref="PaperVenueOptions.MaxHeldReports"/> were held.</summary>
    public long ReportsReleasedEarly { get; private set; }

    /// <summary>Walks cut short because <see cref="PaperVenueOptions.MaxTakenLevels"/> levels already had size taken.</summary>
    public long TakenLevelsFull { get; private set; }
}
