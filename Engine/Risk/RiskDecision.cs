namespace Engine.Risk;

/// <summary>The outcome of <see cref="RiskEngine.Check"/>: approved, or the first check that failed.</summary>
/// <param name="Reason"><see cref="RiskRejectReason.None"/> when approved, else why not.</param>
/// <param name="IsProbe">Approved as the HalfOpen breaker's probe: if sent, call <see cref="CircuitBreaker.OnProbeSent"/>.</param>
/// <param name="NotionalCents">The approved order's notional in cents (what <see cref="RiskEngine.OnOrderAccepted"/> takes); 0 when refused.</param>
/// <param name="ReferenceSubTicks">The reference price the checks used (mid, else last trade) in sub-ticks, when approved; 0 without one.</param>
/// <param name="EstimatedPriceSubTicks">The slippage estimator's average price for the marketable quantity, in sub-ticks, when approved; 0 when nothing was estimated (a resting limit, a stop).</param>
public readonly record struct RiskDecision(RiskRejectReason Reason, bool IsProbe = false, long NotionalCents = 0, long ReferenceSubTicks = 0, long EstimatedPriceSubTicks = 0)
{
    /// <summary>Whether the intent passed every check.</summary>
    public bool Approved => Reason == RiskRejectReason.None;
}
