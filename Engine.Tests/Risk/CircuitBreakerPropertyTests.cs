using CsCheck;
using Engine.Risk;
using static Engine.Tests.Risk.BreakerTestClock;

namespace Engine.Tests.Risk;

/// <summary>
/// Random streams of clock advances, orders, rejects, errors, causes, probes and operator commands.
/// After every step: each recorded transition is defined and continues from the last one, the
/// invariants hold, and from the moment the breaker leaves Closed until it is Closed again nothing
/// but cancels and one small probe per HalfOpen is admitted; in Reducing nothing that adds exposure.
/// </summary>
public sealed class CircuitBreakerPropertyTests
{
    private const long ProbeMaxQuantity = 10;
    private const long ProbeMaxNotionalCents = 5_000;

    private readonly record struct Step(int Kind, int Flags, long Quantity, long AdvanceMs);

    private static readonly Gen<Step> s_step = Gen.Select(Gen.Int[0, 14], Gen.Int[0, 7], Gen.Long[1, 20], Gen.Long[0, 400],
        (kind, flags, quantity, advance) => new Step(kind, flags, quantity, advance));

    private static readonly BreakerReason[] s_causes = [BreakerReason.DailyLoss, BreakerReason.StaleFeed, BreakerReason.InvalidBook];

    [Test]
    public void Admit_RandomEventStreams_NothingButCancelsAndTheProbePassWhileNotClosed()
    {
        s_step.Array[1, 400].Sample(Run, iter: 500);
    }

    private static void Run(Step[] steps)
    {
        var breaker = new CircuitBreaker(new BreakerOptions
        {
            CoolDownMs = 300,
            MaxRejects = 3,
            RejectWindowMs = 500,
            MaxErrors = 2,
            ErrorWindowMs = 500,
            ProbeMaxQuantity = ProbeMaxQuantity,
            ProbeMaxNotionalCents = ProbeMaxNotionalCents,
            ProbeTimeoutMs = 200,
            EventLogCapacity = 1024,
        }, T0);
        var drained = new BreakerTransition[1024];
        var state = BreakerState.Closed;
        var trading = TradingState.Active;
        long lastTs = T0;
        long nowNs = T0;
        bool probeSent = false;
        for (int i = 0; i < steps.Length; i++)
        {
            var step = steps[i];
            nowNs += Ms(step.AdvanceMs);
            var admission = Apply(breaker, step, nowNs);

            bool isCancel = (step.Flags & 1) != 0;
            bool reduces = (step.Flags & 2) != 0;
            if (admission is AdmissionReason.Admitted or AdmissionReason.AdmittedAsProbe && !isCancel)
            {
                var a = admission.Value;
                Require(state != BreakerState.Closed ? a == AdmissionReason.AdmittedAsProbe && state == BreakerState.HalfOpen : a == AdmissionReason.Admitted, i, $"{a} in {state}");
                Require(trading != TradingState.Reducing || reduces, i, "a non-reducing order admitted while Reducing");
                if (a == AdmissionReason.AdmittedAsProbe)
                {
                    Require(!probeSent, i, "a second probe in one HalfOpen");
                    Require(step.Quantity <= ProbeMaxQuantity && step.Quantity * 400 <= ProbeMaxNotionalCents, i, "a probe above the limits");
                    if ((step.Flags & 4) != 0)
                    {
                        breaker.OnProbeSent(nowNs);
                        probeSent = true;
                    }
                }
            }

            int n = breaker.Events.Drain(drained);
            for (int k = 0; k < n; k++)
            {
                var t = drained[k];
                Require(BreakerTransitionRules.IsDefined(t.From, t.To, t.Reason), i, $"undefined transition {t}");
                Require(t.From == state && t.TradingFrom == trading, i, $"{t} does not continue from {state}/{trading}");
                Require(t.TsNs >= lastTs && t.TsNs == nowNs, i, $"{t} out of time order");
                Require(t.To == BreakerState.Closed || t.TradingTo == TradingState.Halted, i, $"{t} trades while not Closed");
                if (t.From != BreakerState.HalfOpen || t.To != BreakerState.HalfOpen)
                {
                    probeSent = false;
                }
                state = t.To;
                trading = t.TradingTo;
                lastTs = t.TsNs;
            }
            Require(state == breaker.State && trading == breaker.TradingState, i, "the log disagrees with the breaker");
            Require(breaker.FindInvariantViolation() is null, i, breaker.FindInvariantViolation());
        }
        Require(breaker.Events.Dropped == 0, steps.Length, "transitions dropped");
    }

    /// <summary>Applies one step; returns the admission when the step was an order (a probe is sent by the caller).</summary>
    private static AdmissionReason? Apply(CircuitBreaker breaker, Step step, long nowNs)
    {
        switch (step.Kind)
        {
            case 0 or 1 or 2 or 3:
                return breaker.Admit((step.Flags & 1) != 0, (step.Flags & 2) != 0, step.Quantity, step.Quantity * 400);
            case 4 or 5:
                breaker.Tick(nowNs);
                return null;
            case 6:
                breaker.OnReject(nowNs);
                return null;
            case 7:
                breaker.OnError(nowNs);
                return null;
            case 8:
                breaker.RaiseCause(s_causes[step.Flags % 3], nowNs);
                return null;
            case 9 or 10:
                breaker.ClearCause(s_causes[1 + (step.Flags % 2)]);
                return null;
            case 11:
                breaker.OnProbeOutcome((step.Flags & 1) != 0, nowNs);
                return null;
            case 12:
                breaker.Kill(nowNs);
                return null;
            case 13:
                breaker.Resume(nowNs);
                return null;
            default:
                breaker.ReduceOnly(nowNs);
                return null;
        }
    }

    private static void Require(bool condition, int step, string? message)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"step {step}: {message}");
        }
    }
}
