namespace Engine.Positions;

/// <summary>Why the <see cref="PositionTable"/> refused a fill or a mark; the input is not applied and is counted.</summary>
public enum PositionError : byte
{
    /// <summary>Applied.</summary>
    None,

    /// <summary>The instrument id is outside 0..instruments-1.</summary>
    UnknownInstrument,

    /// <summary>The side is neither Buy nor Sell.</summary>
    InvalidSide,

    /// <summary>The fill quantity is not positive.</summary>
    InvalidQuantity,

    /// <summary>The price is not positive or above the configured maximum.</summary>
    PriceOutOfRange,

    /// <summary>The fill would take the absolute position past the configured maximum.</summary>
    PositionOutOfRange,
}
