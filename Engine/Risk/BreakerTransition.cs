namespace Engine.Risk;

/// <summary>One change of the <see cref="CircuitBreaker"/>: breaker and trading state before and after, why, and when.</summary>
/// <remarks>16 bytes, unmanaged, copied into the pre-sized <see cref="BreakerEventLog"/>.</remarks>
public readonly record struct BreakerTransition(
    long TsNs,
    BreakerState From,
    BreakerState To,
    TradingState TradingFrom,
    TradingState TradingTo,
    BreakerReason Reason,
    KillRequests Requests);
