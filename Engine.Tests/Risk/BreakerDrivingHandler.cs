using Engine.Ring;
using Engine.Risk;
using Engine.Tests.Ring;

namespace Engine.Tests.Risk;

/// <summary>
/// Drives a <see cref="CircuitBreaker"/> from ring events the way the loop will: one clock reading
/// per event (the event's value, in milliseconds), a tick, an admission check, and now and then a
/// reject, error, trip, recovery, probe, kill or resume, so every path runs on the loop thread.
/// </summary>
internal struct BreakerDrivingHandler(CircuitBreaker breaker) : IEventHandler<TestEvent>
{
    public void OnEvent(ref TestEvent e, long sequence, bool endOfBatch)
    {
        long nowNs = BreakerTestClock.T0 + (e.Value * 1_000_000L);
        breaker.Tick(nowNs);
        var admission = breaker.Admit(isCancel: (e.Value & 7) == 0, reducesExposure: (e.Value & 1) == 0, quantity: e.Value % 20, notionalCents: 1_000);
        if (admission == AdmissionReason.AdmittedAsProbe)
        {
            breaker.OnProbeSent(nowNs);
        }
        switch (e.Value % 1_000)
        {
            case 100: breaker.OnReject(nowNs); break;
            case 200: breaker.OnError(nowNs); break;
            case 300: breaker.RaiseCause(BreakerReason.StaleFeed, nowNs); break;
            case 400: breaker.ClearCause(BreakerReason.StaleFeed); break;
            case 500: breaker.OnProbeOutcome(succeeded: (e.Value & 1024) == 0, nowNs); break;
            case 600: breaker.Kill(nowNs); breaker.TakeKillRequests(); break;
            case 700: breaker.Resume(nowNs); break;
            case 800: breaker.ReduceOnly(nowNs); break;
            default: break;
        }
        if (endOfBatch)
        {
            // The log is drained by another thread in the engine; here the loop frees it so it never fills.
            Span<BreakerTransition> drained = stackalloc BreakerTransition[32];
            while (breaker.Events.Drain(drained) > 0)
            {
            }
        }
    }
}
