namespace Engine.Venues.Alpaca;

/// <summary>How the venue's state differs from the engine's, as the reconciler reports it.</summary>
public enum AlpacaDifferenceKind
{
    /// <summary>An order open at the venue with one of our ids that the engine does not know (left by an earlier run?).</summary>
    UnknownVenueOrder,

    /// <summary>An order open at the venue that is not ours (placed by hand or by another program).</summary>
    ForeignVenueOrder,

    /// <summary>An order the engine thinks open that the venue does not have at all (never arrived, or held back by the gateway).</summary>
    MissingAtVenue,

    /// <summary>An order both know whose instrument, side or quantity differ.</summary>
    OrderMismatch,

    /// <summary>A position whose quantity differs (after the fills this reconciliation reported).</summary>
    PositionMismatch,

    /// <summary>An order or position at the venue in a symbol the instrument table does not have.</summary>
    UnknownSymbol,

    /// <summary>A venue order or position that could not be read (a missing or bad field, a fractional quantity).</summary>
    Unreadable,

    /// <summary>Looking an order up failed; its state at the venue is not known.</summary>
    LookupFailed,
}
