namespace Engine.Orders;

/// <summary>What an <see cref="OrderCommand"/> asks of the venue.</summary>
public enum OrderCommandKind : byte
{
    /// <summary>Nothing: an empty slot.</summary>
    None,

    /// <summary>Place a new order.</summary>
    New,

    /// <summary>Cancel an open order.</summary>
    Cancel,
}
