namespace Engine.Venues.Alpaca;

/// <summary>How reading an Alpaca order into an <see cref="AlpacaOrderState"/> ended.</summary>
public enum AlpacaOrderParse
{
    /// <summary>Read: one of ours, in a known instrument.</summary>
    Ok,

    /// <summary>Its client order id is not one of ours (placed by hand, or by another program).</summary>
    Foreign,

    /// <summary>Its symbol is not in the instrument table.</summary>
    UnknownSymbol,

    /// <summary>A field is missing or not a decimal, or its side is neither buy nor sell.</summary>
    Malformed,

    /// <summary>A quantity has a fraction: the engine trades whole units only.</summary>
    FractionalQuantity,
}
