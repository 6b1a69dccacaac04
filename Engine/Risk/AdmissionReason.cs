namespace Engine.Risk;

/// <summary>The answer of <see cref="CircuitBreaker.Admit"/>: admitted (the first two) or why not.</summary>
public enum AdmissionReason : byte
{
    /// <summary>The order may go on to the other risk checks.</summary>
    Admitted,

    /// <summary>The breaker is HalfOpen and this order is its probe: if it is sent, call <see cref="CircuitBreaker.OnProbeSent"/>.</summary>
    AdmittedAsProbe,

    /// <summary>The kill switch is engaged.</summary>
    KillSwitch,

    /// <summary>The breaker is Open or ResetPending.</summary>
    BreakerOpen,

    /// <summary>The breaker is HalfOpen and the order is above the probe's quantity or notional limit.</summary>
    NotAProbe,

    /// <summary>The breaker is HalfOpen and its probe is already out.</summary>
    ProbeInFlight,

    /// <summary>The trading state is Reducing and the order does not reduce exposure.</summary>
    ReducingOnly,
}
