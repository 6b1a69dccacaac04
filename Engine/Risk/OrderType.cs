namespace Engine.Risk;

/// <summary>The kind of order an <see cref="OrderIntent"/> asks for; it decides which prices the intent must carry.</summary>
public enum OrderType : byte
{
    /// <summary>Not set: invalid.</summary>
    None,

    /// <summary>Fills at whatever the book offers; no price.</summary>
    Market,

    /// <summary>Fills at the limit price or better.</summary>
    Limit,

    /// <summary>Becomes a market order when the stop price trades.</summary>
    Stop,

    /// <summary>Becomes a limit order when the stop price trades; needs both prices.</summary>
    StopLimit,

    /// <summary>A stop whose price trails the market by <see cref="OrderIntent.TrailTicks"/>.</summary>
    TrailingStop,
}
