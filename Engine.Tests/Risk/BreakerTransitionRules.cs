using Engine.Risk;

namespace Engine.Tests.Risk;

/// <summary>The breaker's defined transitions, written out independently of <see cref="CircuitBreaker"/>: the oracle of the property test.</summary>
internal static class BreakerTransitionRules
{
    public static bool IsDefined(BreakerState from, BreakerState to, BreakerReason reason) => reason switch
    {
        BreakerReason.DailyLoss or BreakerReason.RejectRate or BreakerReason.ErrorRate or BreakerReason.StaleFeed or BreakerReason.InvalidBook
            => from != BreakerState.Open && to == BreakerState.Open,
        BreakerReason.ManualKill => to == BreakerState.Open,
        BreakerReason.CoolDownElapsed => from == BreakerState.Open && to == BreakerState.ResetPending,
        BreakerReason.CausesCleared => from == BreakerState.ResetPending && to == BreakerState.HalfOpen,
        BreakerReason.ProbeSucceeded => from == BreakerState.HalfOpen && to == BreakerState.Closed,
        BreakerReason.ProbeFailed or BreakerReason.ProbeTimedOut => from == BreakerState.HalfOpen && to == BreakerState.Open,
        BreakerReason.ManualResume => to == BreakerState.Closed,
        BreakerReason.ManualReduceOnly => to == from,
        _ => false,
    };
}
