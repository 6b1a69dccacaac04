namespace Engine.Orders.Twap;

/// <summary>Why a TWAP parent ended.</summary>
public enum TwapEndReason : byte
{
    /// <summary>It has not ended.</summary>
    None,

    /// <summary>Its whole quantity filled.</summary>
    Filled,

    /// <summary>Its schedule ended with quantity unfilled.</summary>
    ScheduleEnded,

    /// <summary>Cancelled by its owner (<see cref="TwapExecutor.Cancel"/>).</summary>
    CancelRequested,

    /// <summary>The trading state became Halted: the circuit breaker is not closed.</summary>
    Halted,

    /// <summary>The kill switch was engaged.</summary>
    Killed,
}
