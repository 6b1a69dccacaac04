namespace Engine.Venues.Alpaca;

/// <summary>Kinds of trade_updates messages the client counts and skips; each is logged the first time only.</summary>
public enum TradeUpdatesProblem
{
    /// <summary>Not valid JSON, or not the shape of a stream message.</summary>
    Malformed,

    /// <summary>A <c>stream</c> this client does not know.</summary>
    UnknownStream,

    /// <summary>A trade_updates <c>event</c> this client does not know.</summary>
    UnknownEvent,

    /// <summary>An order in a symbol not in the instrument table.</summary>
    UnknownSymbol,

    /// <summary>An order that is not ours (its client order id does not parse as one of ours).</summary>
    Foreign,

    /// <summary>An order with a fractional quantity (the engine trades whole units).</summary>
    FractionalQuantity,

    /// <summary>An authorization or listening message that came when none was awaited.</summary>
    OutOfTurn,
}
