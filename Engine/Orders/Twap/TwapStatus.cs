namespace Engine.Orders.Twap;

/// <summary>Where a TWAP parent order is.</summary>
public enum TwapStatus : byte
{
    /// <summary>Not started.</summary>
    None,

    /// <summary>Started; its first slice is not due yet.</summary>
    Pending,

    /// <summary>Sending slices.</summary>
    Working,

    /// <summary>Its whole quantity filled. Final.</summary>
    Completed,

    /// <summary>Stopped by <see cref="TwapExecutor.Cancel"/>, the circuit breaker or the kill switch; the remainder is not sent. Final.</summary>
    Cancelled,

    /// <summary>Its schedule ended with quantity unfilled (children refused, cancelled or expired after the last slice). Final.</summary>
    Expired,
}
