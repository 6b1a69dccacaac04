namespace Engine.Risk;

/// <summary>The outcome of <see cref="RiskEngine.Check"/>: approved, or the first check that failed.</summary>
/// <param name="Reason"><see cref="RiskRejectReason.None"/> when approved, else why not.</param>
/// <param name="IsProbe">Approved as the HalfOpen breaker's probe: if sent, call <see cref="CircuitBreaker.OnProbeSent"/>.</param>
/// <param name="NotionalCents">The approved order's notional in cents (what <see cref="RiskEngine.OnOrderAccepted"/> takes); 0 when refused.</param>
public readonly record struct RiskDecision(RiskRejectReason Reason, bool IsProbe = false, long NotionalCents = 0)
{
    /// <summary>Whether the intent passed every check.</summary>
    public bool Approved => Reason == RiskRejectReason.None;
}
