using Engine.Risk;
using static Engine.Tests.Risk.BreakerTestClock;

namespace Engine.Tests.Risk;

public sealed class CircuitBreakerTests
{
    private const int CoolDownMs = 1_000;
    private const int ProbeTimeoutMs = 500;

    private static BreakerOptions Options() => new()
    {
        CoolDownMs = CoolDownMs,
        MaxRejects = 3,
        RejectWindowMs = 100,
        MaxErrors = 2,
        ErrorWindowMs = 100,
        ProbeMaxQuantity = 10,
        ProbeMaxNotionalCents = 5_000,
        ProbeTimeoutMs = ProbeTimeoutMs,
        FlattenOnKill = true,
    };

    private static CircuitBreaker NewBreaker(BreakerOptions? options = null) => new(options ?? Options(), T0);

    private static BreakerTransition[] Drain(CircuitBreaker breaker)
    {
        var buffer = new BreakerTransition[64];
        return buffer[..breaker.Events.Drain(buffer)];
    }

    private static BreakerTransition Single(CircuitBreaker breaker)
    {
        var events = Drain(breaker);
        Assert.That(events, Has.Length.EqualTo(1));
        return events[0];
    }

    /// <summary>Trips on a stale feed at T0, clears it, and ticks past the cool-down: HalfOpen, events drained.</summary>
    private static CircuitBreaker HalfOpenBreaker(BreakerOptions? options = null)
    {
        var breaker = NewBreaker(options);
        breaker.RaiseCause(BreakerReason.StaleFeed, T0);
        breaker.ClearCause(BreakerReason.StaleFeed);
        breaker.Tick(T0 + Ms(CoolDownMs));
        Assert.That(breaker.State, Is.EqualTo(BreakerState.HalfOpen));
        Drain(breaker);
        return breaker;
    }

    [Test]
    public void Constructor_Defaults_ClosedAndActive()
    {
        var breaker = new CircuitBreaker(new BreakerOptions(), T0);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(breaker.State, Is.EqualTo(BreakerState.Closed));
            Assert.That(breaker.TradingState, Is.EqualTo(TradingState.Active));
            Assert.That(breaker.Admit(false, false, 1_000_000, long.MaxValue), Is.EqualTo(AdmissionReason.Admitted));
            Assert.That(Drain(breaker), Is.Empty);
        }
    }

    [Test]
    public void Constructor_InvalidOptions_ThrowsWithEveryKeyPath()
    {
        var options = new BreakerOptions { CoolDownMs = 0, TimeZone = "Mars/Olympus" };

        var e = Assert.Throws<ArgumentException>(() => _ = new CircuitBreaker(options, T0));

        Assert.That(e!.Message, Does.Contain("risk.breaker.coolDownMs").And.Contain("risk.breaker.timeZone"));
    }

    [TestCase(BreakerReason.DailyLoss)]
    [TestCase(BreakerReason.StaleFeed)]
    [TestCase(BreakerReason.InvalidBook)]
    public void RaiseCause_WhenClosed_OpensWithReasonAndTimestamp(BreakerReason cause)
    {
        var breaker = NewBreaker();

        breaker.RaiseCause(cause, T0 + 7);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Single(breaker), Is.EqualTo(new BreakerTransition(T0 + 7, BreakerState.Closed, BreakerState.Open, TradingState.Active, TradingState.Halted, cause, KillRequests.None)));
            Assert.That(breaker.Count(cause), Is.EqualTo(1));
            Assert.That(breaker.TripsToday, Is.EqualTo(1));
        }
    }

    [Test]
    public void RaiseCause_NotALatchedCause_Throws()
    {
        Assert.Throws<ArgumentException>(() => NewBreaker().RaiseCause(BreakerReason.RejectRate, T0));
    }

    [Test]
    public void ClearCause_DailyLoss_Throws()
    {
        Assert.Throws<ArgumentException>(() => NewBreaker().ClearCause(BreakerReason.DailyLoss));
    }

    [Test]
    public void RaiseCause_WhenAlreadyOpen_RecordsNothingMore()
    {
        var breaker = NewBreaker();
        breaker.RaiseCause(BreakerReason.StaleFeed, T0);
        Drain(breaker);

        breaker.RaiseCause(BreakerReason.InvalidBook, T0 + 1);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Drain(breaker), Is.Empty);
            Assert.That(breaker.Count(BreakerReason.InvalidBook), Is.Zero);
            Assert.That(breaker.TripsToday, Is.EqualTo(1));
        }
    }

    [Test]
    public void Tick_OneNanosecondBeforeCoolDown_StaysOpen()
    {
        var breaker = NewBreaker();
        breaker.RaiseCause(BreakerReason.StaleFeed, T0);
        breaker.ClearCause(BreakerReason.StaleFeed);
        Drain(breaker);

        breaker.Tick(T0 + Ms(CoolDownMs) - 1);

        Assert.That(breaker.State, Is.EqualTo(BreakerState.Open));
        Assert.That(Drain(breaker), Is.Empty);
    }

    [Test]
    public void Tick_ExactlyAtCoolDownWithCauseCleared_GoesThroughResetPendingToHalfOpen()
    {
        var breaker = NewBreaker();
        breaker.RaiseCause(BreakerReason.StaleFeed, T0);
        breaker.ClearCause(BreakerReason.StaleFeed);
        Drain(breaker);
        long at = T0 + Ms(CoolDownMs);

        breaker.Tick(at);

        Assert.That(Drain(breaker), Is.EqualTo(new[]
        {
            new BreakerTransition(at, BreakerState.Open, BreakerState.ResetPending, TradingState.Halted, TradingState.Halted, BreakerReason.CoolDownElapsed, KillRequests.None),
            new BreakerTransition(at, BreakerState.ResetPending, BreakerState.HalfOpen, TradingState.Halted, TradingState.Halted, BreakerReason.CausesCleared, KillRequests.None),
        }));
    }

    [Test]
    public void Tick_CoolDownElapsedWhileFeedStillStale_WaitsInResetPendingUntilCleared()
    {
        var breaker = NewBreaker();
        breaker.RaiseCause(BreakerReason.StaleFeed, T0);
        breaker.Tick(T0 + Ms(CoolDownMs));
        Assert.That(breaker.State, Is.EqualTo(BreakerState.ResetPending));
        breaker.Tick(T0 + Ms(CoolDownMs) + 5);
        Assert.That(breaker.State, Is.EqualTo(BreakerState.ResetPending));
        Drain(breaker);

        breaker.ClearCause(BreakerReason.StaleFeed);
        breaker.Tick(T0 + Ms(CoolDownMs) + 9);

        Assert.That(Single(breaker), Is.EqualTo(new BreakerTransition(T0 + Ms(CoolDownMs) + 9, BreakerState.ResetPending, BreakerState.HalfOpen, TradingState.Halted, TradingState.Halted, BreakerReason.CausesCleared, KillRequests.None)));
    }

    [Test]
    public void RaiseCause_InResetPending_ReopensWithAFreshCoolDown()
    {
        var breaker = NewBreaker();
        breaker.RaiseCause(BreakerReason.StaleFeed, T0);
        breaker.Tick(T0 + Ms(CoolDownMs));
        Drain(breaker);
        long reopenedAt = T0 + Ms(CoolDownMs) + 3;

        breaker.RaiseCause(BreakerReason.InvalidBook, reopenedAt);
        breaker.ClearCause(BreakerReason.StaleFeed);
        breaker.ClearCause(BreakerReason.InvalidBook);
        breaker.Tick(reopenedAt + Ms(CoolDownMs) - 1);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Single(breaker), Is.EqualTo(new BreakerTransition(reopenedAt, BreakerState.ResetPending, BreakerState.Open, TradingState.Halted, TradingState.Halted, BreakerReason.InvalidBook, KillRequests.None)));
            Assert.That(breaker.State, Is.EqualTo(BreakerState.Open));
        }
    }

    [Test]
    public void Tick_DailyLossAfterCoolDown_WaitsForTheSessionStart()
    {
        var breaker = NewBreaker();
        breaker.RaiseCause(BreakerReason.DailyLoss, T0);
        breaker.Tick(T0 + Ms(CoolDownMs));
        Assert.That(breaker.State, Is.EqualTo(BreakerState.ResetPending));
        Drain(breaker);
        long sessionStart = breaker.NextSessionStartNs;

        breaker.Tick(sessionStart - 1);
        Assert.That(breaker.State, Is.EqualTo(BreakerState.ResetPending));
        breaker.Tick(sessionStart);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Single(breaker).Reason, Is.EqualTo(BreakerReason.CausesCleared));
            Assert.That(breaker.State, Is.EqualTo(BreakerState.HalfOpen));
            Assert.That(breaker.DailyResets, Is.EqualTo(1));
        }
    }

    [TestCase(BreakerState.Open)]
    [TestCase(BreakerState.ResetPending)]
    public void Admit_BreakerOpenOrResetPending_OnlyCancelsPass(BreakerState state)
    {
        var breaker = NewBreaker();
        breaker.RaiseCause(BreakerReason.StaleFeed, T0);
        if (state == BreakerState.ResetPending)
        {
            breaker.Tick(T0 + Ms(CoolDownMs));
        }
        Assert.That(breaker.State, Is.EqualTo(state));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(breaker.TradingState, Is.EqualTo(TradingState.Halted));
            Assert.That(breaker.Admit(true, false, 1_000, 1_000_000), Is.EqualTo(AdmissionReason.Admitted));
            Assert.That(breaker.Admit(false, true, 1, 1), Is.EqualTo(AdmissionReason.BreakerOpen));
            Assert.That(breaker.Admit(false, false, 1, 1), Is.EqualTo(AdmissionReason.BreakerOpen));
        }
    }

    [Test]
    public void Admit_HalfOpen_OnlyOneSmallProbePasses()
    {
        var breaker = HalfOpenBreaker();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(breaker.Admit(false, false, 10, 5_000), Is.EqualTo(AdmissionReason.AdmittedAsProbe));
            Assert.That(breaker.Admit(false, false, 11, 5_000), Is.EqualTo(AdmissionReason.NotAProbe));
            Assert.That(breaker.Admit(false, false, 10, 5_001), Is.EqualTo(AdmissionReason.NotAProbe));
            Assert.That(breaker.Admit(true, false, 1_000, 1_000_000), Is.EqualTo(AdmissionReason.Admitted));
        }
        breaker.OnProbeSent(T0 + Ms(CoolDownMs) + 1);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(breaker.Admit(false, false, 1, 1), Is.EqualTo(AdmissionReason.ProbeInFlight));
            Assert.That(breaker.Admit(true, false, 1, 1), Is.EqualTo(AdmissionReason.Admitted));
        }
    }

    [Test]
    public void OnProbeOutcome_Accepted_ClosesAndTradingIsActive()
    {
        var breaker = HalfOpenBreaker();
        long sentAt = T0 + Ms(CoolDownMs) + 1;
        breaker.OnProbeSent(sentAt);

        breaker.OnProbeOutcome(succeeded: true, sentAt + 20);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Single(breaker), Is.EqualTo(new BreakerTransition(sentAt + 20, BreakerState.HalfOpen, BreakerState.Closed, TradingState.Halted, TradingState.Active, BreakerReason.ProbeSucceeded, KillRequests.None)));
            Assert.That(breaker.Admit(false, false, 1_000, 1_000_000), Is.EqualTo(AdmissionReason.Admitted));
        }
    }

    [Test]
    public void OnProbeOutcome_Rejected_ReopensAndNeedsAnotherCoolDown()
    {
        var breaker = HalfOpenBreaker();
        long sentAt = T0 + Ms(CoolDownMs) + 1;
        breaker.OnProbeSent(sentAt);

        breaker.OnProbeOutcome(succeeded: false, sentAt + 20);
        breaker.Tick(sentAt + 20 + Ms(CoolDownMs) - 1);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Single(breaker), Is.EqualTo(new BreakerTransition(sentAt + 20, BreakerState.HalfOpen, BreakerState.Open, TradingState.Halted, TradingState.Halted, BreakerReason.ProbeFailed, KillRequests.None)));
            Assert.That(breaker.State, Is.EqualTo(BreakerState.Open));
            Assert.That(breaker.IsProbeInFlight, Is.False);
        }
    }

    [Test]
    public void Tick_ProbeTimeoutBoundary_ReopensExactlyAtTheTimeout()
    {
        var breaker = HalfOpenBreaker();
        long sentAt = T0 + Ms(CoolDownMs) + 1;
        breaker.OnProbeSent(sentAt);

        breaker.Tick(sentAt + Ms(ProbeTimeoutMs) - 1);
        Assert.That(breaker.State, Is.EqualTo(BreakerState.HalfOpen));
        breaker.Tick(sentAt + Ms(ProbeTimeoutMs));

        Assert.That(Single(breaker), Is.EqualTo(new BreakerTransition(sentAt + Ms(ProbeTimeoutMs), BreakerState.HalfOpen, BreakerState.Open, TradingState.Halted, TradingState.Halted, BreakerReason.ProbeTimedOut, KillRequests.None)));
    }

    [Test]
    public void OnProbeOutcome_AfterTimeout_IsCountedAndIgnored()
    {
        var breaker = HalfOpenBreaker();
        long sentAt = T0 + Ms(CoolDownMs) + 1;
        breaker.OnProbeSent(sentAt);
        breaker.Tick(sentAt + Ms(ProbeTimeoutMs));

        breaker.OnProbeOutcome(succeeded: true, sentAt + Ms(ProbeTimeoutMs) + 1);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(breaker.State, Is.EqualTo(BreakerState.Open));
            Assert.That(breaker.LateProbeOutcomes, Is.EqualTo(1));
        }
    }

    [Test]
    public void OnProbeSent_WhenNotHalfOpen_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => NewBreaker().OnProbeSent(T0));
    }

    [Test]
    public void OnProbeSent_SecondProbe_Throws()
    {
        var breaker = HalfOpenBreaker();
        breaker.OnProbeSent(T0 + Ms(CoolDownMs));

        Assert.Throws<InvalidOperationException>(() => breaker.OnProbeSent(T0 + Ms(CoolDownMs) + 1));
    }

    [Test]
    public void RaiseCause_HalfOpenWithProbeOut_ReopensAndForgetsTheProbe()
    {
        var breaker = HalfOpenBreaker();
        breaker.OnProbeSent(T0 + Ms(CoolDownMs));

        breaker.RaiseCause(BreakerReason.InvalidBook, T0 + Ms(CoolDownMs) + 4);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Single(breaker), Is.EqualTo(new BreakerTransition(T0 + Ms(CoolDownMs) + 4, BreakerState.HalfOpen, BreakerState.Open, TradingState.Halted, TradingState.Halted, BreakerReason.InvalidBook, KillRequests.None)));
            Assert.That(breaker.IsProbeInFlight, Is.False);
        }
    }

    [Test]
    public void OnReject_OneBelowThresholdInWindow_StaysClosed()
    {
        var breaker = NewBreaker();

        breaker.OnReject(T0);
        breaker.OnReject(T0 + Ms(100) - 1);

        Assert.That(breaker.State, Is.EqualTo(BreakerState.Closed));
        Assert.That(breaker.RejectsToday, Is.EqualTo(2));
    }

    [Test]
    public void OnReject_ThresholdWithinWindow_TripsOnTheLastOne()
    {
        var breaker = NewBreaker();
        long last = T0 + Ms(100) - 1;

        breaker.OnReject(T0);
        breaker.OnReject(T0 + 1);
        breaker.OnReject(last);

        Assert.That(Single(breaker), Is.EqualTo(new BreakerTransition(last, BreakerState.Closed, BreakerState.Open, TradingState.Active, TradingState.Halted, BreakerReason.RejectRate, KillRequests.None)));
        Assert.That(breaker.Count(BreakerReason.RejectRate), Is.EqualTo(1));
    }

    [Test]
    public void OnReject_ThresholdSpanningExactlyTheWindow_StaysClosed()
    {
        var breaker = NewBreaker();

        breaker.OnReject(T0);
        breaker.OnReject(T0 + 1);
        breaker.OnReject(T0 + Ms(100));

        Assert.That(breaker.State, Is.EqualTo(BreakerState.Closed));
    }

    [Test]
    public void OnError_ThresholdWithinWindow_TripsWithErrorRate()
    {
        var breaker = NewBreaker();

        breaker.OnError(T0);
        Assert.That(breaker.State, Is.EqualTo(BreakerState.Closed));
        breaker.OnError(T0 + Ms(100) - 1);

        Assert.That(Single(breaker).Reason, Is.EqualTo(BreakerReason.ErrorRate));
        Assert.That(breaker.ErrorsToday, Is.EqualTo(2));
    }

    [Test]
    public void Resume_AfterAnError_ForgetsTheErrorWindow()
    {
        var breaker = NewBreaker();
        breaker.OnError(T0);
        breaker.Resume(T0 + 1);

        breaker.OnError(T0 + 2);

        Assert.That(breaker.State, Is.EqualTo(BreakerState.Closed));
    }

    [Test]
    public void Kill_WhenActive_HaltsAndRequestsCancelAllAndFlatten()
    {
        var breaker = NewBreaker();

        breaker.Kill(T0 + 5);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Single(breaker), Is.EqualTo(new BreakerTransition(T0 + 5, BreakerState.Closed, BreakerState.Open, TradingState.Active, TradingState.Halted, BreakerReason.ManualKill, KillRequests.CancelAll | KillRequests.Flatten)));
            Assert.That(breaker.TradingState, Is.EqualTo(TradingState.Halted));
            Assert.That(breaker.Admit(false, true, 1, 1), Is.EqualTo(AdmissionReason.KillSwitch));
            Assert.That(breaker.Admit(true, false, 1, 1), Is.EqualTo(AdmissionReason.Admitted));
            Assert.That(breaker.TakeKillRequests(), Is.EqualTo(KillRequests.CancelAll | KillRequests.Flatten));
            Assert.That(breaker.TakeKillRequests(), Is.EqualTo(KillRequests.None));
            Assert.That(breaker.Count(BreakerReason.ManualKill), Is.EqualTo(1));
        }
    }

    [Test]
    public void Kill_DefaultOptions_RequestsCancelAllOnly()
    {
        var breaker = new CircuitBreaker(new BreakerOptions(), T0);

        breaker.Kill(T0);

        Assert.That(breaker.TakeKillRequests(), Is.EqualTo(KillRequests.CancelAll));
    }

    [Test]
    public void Kill_WithOperatorRequests_RequestsThoseWhateverTheOptions()
    {
        var breaker = new CircuitBreaker(new BreakerOptions(), T0);

        breaker.Kill(T0, KillRequests.CancelAll | KillRequests.Flatten);

        Assert.That(breaker.TakeKillRequests(), Is.EqualTo(KillRequests.CancelAll | KillRequests.Flatten));
        Assert.That(breaker.TradingState, Is.EqualTo(TradingState.Halted));
    }

    [Test]
    public void Kill_InHalfOpen_OpensAndBlocksTheProbe()
    {
        var breaker = HalfOpenBreaker();

        breaker.Kill(T0 + Ms(CoolDownMs) + 1);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Single(breaker).From, Is.EqualTo(BreakerState.HalfOpen));
            Assert.That(breaker.Admit(false, false, 1, 1), Is.EqualTo(AdmissionReason.KillSwitch));
        }
    }

    [Test]
    public void Tick_KilledLongAfterCoolDown_StaysOpen()
    {
        var breaker = NewBreaker();
        breaker.Kill(T0);
        Drain(breaker);

        breaker.Tick(T0 + Ms(CoolDownMs) * 100);

        Assert.That(breaker.State, Is.EqualTo(BreakerState.Open));
        Assert.That(Drain(breaker), Is.Empty);
    }

    [Test]
    public void Resume_AfterKill_ClosesActiveAndRecords()
    {
        var breaker = NewBreaker();
        breaker.Kill(T0);
        Drain(breaker);

        breaker.Resume(T0 + 9);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Single(breaker), Is.EqualTo(new BreakerTransition(T0 + 9, BreakerState.Open, BreakerState.Closed, TradingState.Halted, TradingState.Active, BreakerReason.ManualResume, KillRequests.None)));
            Assert.That(breaker.IsKilled, Is.False);
            Assert.That(breaker.Admit(false, false, 1_000, 1_000_000), Is.EqualTo(AdmissionReason.Admitted));
        }
    }

    [Test]
    public void ReduceOnly_WhenClosed_OnlyReducingOrdersAndCancelsPass()
    {
        var breaker = NewBreaker();

        breaker.ReduceOnly(T0 + 2);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Single(breaker), Is.EqualTo(new BreakerTransition(T0 + 2, BreakerState.Closed, BreakerState.Closed, TradingState.Active, TradingState.Reducing, BreakerReason.ManualReduceOnly, KillRequests.None)));
            Assert.That(breaker.TradingState, Is.EqualTo(TradingState.Reducing));
            Assert.That(breaker.Admit(false, true, 1_000, 1_000_000), Is.EqualTo(AdmissionReason.Admitted));
            Assert.That(breaker.Admit(false, false, 1, 1), Is.EqualTo(AdmissionReason.ReducingOnly));
            Assert.That(breaker.Admit(true, false, 1, 1), Is.EqualTo(AdmissionReason.Admitted));
        }
    }

    [Test]
    public void Admit_ReducingAndHalfOpen_TheProbeMustReduce()
    {
        var breaker = HalfOpenBreaker();
        breaker.ReduceOnly(T0 + Ms(CoolDownMs));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(breaker.Admit(false, false, 1, 1), Is.EqualTo(AdmissionReason.ReducingOnly));
            Assert.That(breaker.Admit(false, true, 1, 1), Is.EqualTo(AdmissionReason.AdmittedAsProbe));
        }
    }

    [Test]
    public void ReduceOnly_ThenProbeSucceeds_StaysReducing()
    {
        var breaker = HalfOpenBreaker();
        breaker.ReduceOnly(T0 + Ms(CoolDownMs));
        breaker.OnProbeSent(T0 + Ms(CoolDownMs) + 1);

        breaker.OnProbeOutcome(succeeded: true, T0 + Ms(CoolDownMs) + 2);

        Assert.That(breaker.TradingState, Is.EqualTo(TradingState.Reducing));
    }

    [Test]
    public void Tick_AtTheSessionStart_ResetsTheDailyCounters()
    {
        var breaker = NewBreaker();
        breaker.OnReject(T0);
        breaker.OnError(T0);
        breaker.RaiseCause(BreakerReason.StaleFeed, T0);
        long start = breaker.NextSessionStartNs;

        breaker.Tick(start - 1);
        Assert.That(breaker.RejectsToday, Is.EqualTo(1));
        breaker.Tick(start);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(breaker.RejectsToday, Is.Zero);
            Assert.That(breaker.ErrorsToday, Is.Zero);
            Assert.That(breaker.TripsToday, Is.Zero);
            Assert.That(breaker.Count(BreakerReason.StaleFeed), Is.EqualTo(1));
            Assert.That(breaker.NextSessionStartNs, Is.EqualTo(start + Ms(86_400_000)));
        }
    }
}
