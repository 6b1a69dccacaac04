namespace Engine.Risk;

/// <summary>What the engine may trade at the moment: the first pre-trade check. Cancels always pass.</summary>
public enum TradingState : byte
{
    /// <summary>Every order may pass (the later risk checks still apply).</summary>
    Active,

    /// <summary>Only orders that reduce exposure pass (set by the operator).</summary>
    Reducing,

    /// <summary>Nothing but cancels passes: the kill switch is engaged or the circuit breaker is not closed (in HalfOpen one probe order may pass).</summary>
    Halted,
}
