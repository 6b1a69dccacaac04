namespace Engine.Risk;

/// <summary>Why the <see cref="CircuitBreaker"/> changed state; the first six are trip reasons.</summary>
public enum BreakerReason : byte
{
    /// <summary>Realised plus unrealised P&amp;L fell below minus the daily loss limit (reported by the risk engine). Clears at the next session start.</summary>
    DailyLoss,

    /// <summary>The operator engaged the kill switch. Only <see cref="CircuitBreaker.Resume"/> leaves it.</summary>
    ManualKill,

    /// <summary><see cref="BreakerOptions.MaxRejects"/> rejects within <see cref="BreakerOptions.RejectWindowMs"/>.</summary>
    RejectRate,

    /// <summary><see cref="BreakerOptions.MaxErrors"/> errors within <see cref="BreakerOptions.ErrorWindowMs"/>.</summary>
    ErrorRate,

    /// <summary>A market-data feed went stale. Clears when reported recovered.</summary>
    StaleFeed,

    /// <summary>An order book became invalid (crossed, gap, resync). Clears when reported recovered.</summary>
    InvalidBook,

    /// <summary>Open to ResetPending: <see cref="BreakerOptions.CoolDownMs"/> has elapsed.</summary>
    CoolDownElapsed,

    /// <summary>ResetPending to HalfOpen: no cause of a trip is active any more.</summary>
    CausesCleared,

    /// <summary>HalfOpen to Closed: the probe order was accepted or filled.</summary>
    ProbeSucceeded,

    /// <summary>HalfOpen to Open: the probe order was rejected or failed.</summary>
    ProbeFailed,

    /// <summary>HalfOpen to Open: no outcome of the probe within <see cref="BreakerOptions.ProbeTimeoutMs"/>.</summary>
    ProbeTimedOut,

    /// <summary>Any state to Closed and the trading state to Active: the operator resumed trading.</summary>
    ManualResume,

    /// <summary>The operator set the trading state to Reducing; the breaker state is unchanged.</summary>
    ManualReduceOnly,
}
