namespace Engine.Orders.Twap;

/// <summary>The kind of order a TWAP sends for each slice.</summary>
public enum TwapChildType : byte
{
    /// <summary>A market order.</summary>
    Market,

    /// <summary>A limit order priced off the touch (<see cref="TwapOptions.LimitReference"/> plus <see cref="TwapOptions.LimitOffsetTicks"/>, within <see cref="TwapOptions.LimitCapTicks"/>).</summary>
    Limit,
}
