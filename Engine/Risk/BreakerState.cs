namespace Engine.Risk;

/// <summary>The state of the <see cref="CircuitBreaker"/>.</summary>
public enum BreakerState : byte
{
    /// <summary>Trading as the operator's mode allows.</summary>
    Closed,

    /// <summary>Tripped: nothing but cancels passes until the cool-down has elapsed (or, after a manual kill, until a manual resume).</summary>
    Open,

    /// <summary>The cool-down has elapsed; waiting until the cause of the trip is clear (a stale feed or invalid book reported recovered, a daily loss reset at the session start).</summary>
    ResetPending,

    /// <summary>One small probe order may pass; its outcome closes the breaker or opens it again.</summary>
    HalfOpen,
}
