namespace Engine.Venues.Alpaca;

/// <summary>
/// The <c>data</c> of a trade_updates message: for <c>authorization</c> its status and action, for
/// <c>listening</c> its streams, for <c>trade_updates</c> the event and the order. Unread fields are ignored.
/// </summary>
internal sealed class TradeUpdatesData
{
    /// <summary>authorization: <c>authorized</c> or <c>unauthorized</c>.</summary>
    public string? Status { get; set; }

    /// <summary>authorization: the action answered (<c>authenticate</c>, <c>listen</c>).</summary>
    public string? Action { get; set; }

    /// <summary>listening: the streams now listened to.</summary>
    public List<string>? Streams { get; set; }

    /// <summary>trade_updates: the event type.</summary>
    public string? Event { get; set; }

    /// <summary>trade_updates fills: the price of this fill, a decimal string.</summary>
    public string? Price { get; set; }

    /// <summary>trade_updates fills: the quantity of this fill, a decimal string.</summary>
    public string? Qty { get; set; }

    /// <summary>trade_updates: when the event happened (RFC 3339).</summary>
    public string? Timestamp { get; set; }

    /// <summary>trade_updates: the order after the event, as the REST API gives it.</summary>
    public AlpacaOrder? Order { get; set; }
}
