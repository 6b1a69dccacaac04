namespace Engine.Pipeline;

/// <summary>What an <see cref="InboundEvent"/> carries.</summary>
public enum InboundKind : byte
{
    /// <summary>A market-data event from a feed (<see cref="InboundEvent.Market"/>).</summary>
    MarketData,

    /// <summary>A venue's execution report (<see cref="InboundEvent.Execution"/>).</summary>
    Execution,

    /// <summary>An operator or host command (<see cref="InboundEvent.Command"/>).</summary>
    Command,
}
