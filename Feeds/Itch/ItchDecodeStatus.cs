namespace Feeds.Itch;

/// <summary>What <see cref="ItchDecoder.Decode"/> did with one message.</summary>
public enum ItchDecodeStatus : byte
{
    /// <summary>Decoded: counted by type, its event (if any) published, the listener called.</summary>
    Decoded,

    /// <summary>Malformed: empty, or the first byte is no ITCH 5.0 message type.</summary>
    UnknownType,

    /// <summary>Malformed: the length differs from the one its type fixes.</summary>
    WrongLength,

    /// <summary>Malformed: a field holds a value the protocol does not allow (a side other than B or S, a blank symbol, an unknown trading state).</summary>
    InvalidField,

    /// <summary>
    /// Well formed (counted by type, shown to the listener), but an order message (E, C, X, D, U)
    /// names a stock locate that no Stock Directory or add order has bound: no order can exist for
    /// it, so no event is published.
    /// </summary>
    UnboundLocate,

    /// <summary>Well formed (counted by type, shown to the listener), but its new symbol does not fit in the instrument table: no event is published.</summary>
    InstrumentTableFull,
}
