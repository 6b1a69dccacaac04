using Engine.Ring;

namespace Engine.Risk;

/// <summary>
/// The circuit breaker and kill switch: the trading state the risk engine checks first for every
/// order, and the state machine that stops trading on trouble and resumes it through a probe.
/// </summary>
/// <remarks>
/// <para>States: Closed -> Open on a trip (<see cref="BreakerReason.DailyLoss"/>,
/// <see cref="BreakerReason.ManualKill"/>, <see cref="BreakerReason.RejectRate"/>,
/// <see cref="BreakerReason.ErrorRate"/>, <see cref="BreakerReason.StaleFeed"/>,
/// <see cref="BreakerReason.InvalidBook"/>); Open -> ResetPending once
/// <see cref="BreakerOptions.CoolDownMs"/> has elapsed (never after a manual kill); ResetPending ->
/// HalfOpen once no cause is active (a stale feed or invalid book reported recovered, a daily loss
/// cleared by the session start); HalfOpen -> Closed when the probe succeeds, -> Open when it fails,
/// times out or anything trips. A trip in ResetPending or HalfOpen reopens the breaker with a fresh
/// cool-down. <see cref="Resume"/> goes from any state to Closed.</para>
/// <para>The probe succeeds when the venue accepts it (an acknowledgement or a fill, whichever comes
/// first): an accepted order shows the order path and the venue work again, and waiting for a fill
/// would make the breaker's recovery depend on the market.</para>
/// <para>Every change is appended to <see cref="Events"/> as a <see cref="BreakerTransition"/> and
/// counted per reason. Time only comes in as <c>nowNs</c> (Unix nanoseconds, UTC, read once per
/// cycle by the loop); nothing here reads a clock. The loop calls <see cref="Tick"/> once per cycle.</para>
/// <para>Thread: the loop thread owns it; only <see cref="Events"/> is drained by another thread.
/// After construction nothing allocates.</para>
/// </remarks>
public sealed class CircuitBreaker
{
    private const int LatchedCauses = (1 << (int)BreakerReason.DailyLoss) | (1 << (int)BreakerReason.StaleFeed) | (1 << (int)BreakerReason.InvalidBook);
    private static readonly int s_reasonCount = Enum.GetValues<BreakerReason>().Length;

    private readonly long _coolDownNs;
    private readonly long _probeTimeoutNs;
    private readonly long _probeMaxQuantity;
    private readonly long _probeMaxNotionalCents;
    private readonly KillRequests _killRequests;
    private readonly SlidingWindowCounter _rejects;
    private readonly SlidingWindowCounter _errors;
    private readonly SessionCalendar _calendar;
    private readonly long[] _countByReason;

    private BreakerState _state;
    private TradingState _mode; // the operator's mode while Closed: Active or Reducing
    private bool _killed;
    private int _causes; // bit per latched BreakerReason that is active
    private bool _probeInFlight;
    private long _openedAtNs;
    private long _probeSentAtNs;
    private KillRequests _pendingRequests;

    /// <summary>Builds the breaker, Closed and Active, at <paramref name="nowNs"/>; throws <see cref="ArgumentException"/> listing every problem of invalid options.</summary>
    public CircuitBreaker(BreakerOptions options, long nowNs)
    {
        var errors = new List<string>();
        options.Validate("risk.breaker", errors);
        if (errors.Count > 0)
        {
            ThrowHelper.ThrowArgument(nameof(options), string.Join(Environment.NewLine, errors));
        }
        options.TryParseSessionStart(out var sessionStart);
        options.TryFindTimeZone(out var zone);
        _coolDownNs = options.CoolDownMs * 1_000_000L;
        _probeTimeoutNs = options.ProbeTimeoutMs * 1_000_000L;
        _probeMaxQuantity = options.ProbeMaxQuantity;
        _probeMaxNotionalCents = options.ProbeMaxNotionalCents;
        _killRequests = (options.CancelAllOnKill ? KillRequests.CancelAll : KillRequests.None)
            | (options.FlattenOnKill ? KillRequests.Flatten : KillRequests.None);
        _rejects = new SlidingWindowCounter(options.MaxRejects, options.RejectWindowMs * 1_000_000L);
        _errors = new SlidingWindowCounter(options.MaxErrors, options.ErrorWindowMs * 1_000_000L);
        _calendar = new SessionCalendar(zone!, sessionStart);
        _countByReason = new long[s_reasonCount];
        Events = new BreakerEventLog(options.EventLogCapacity);
        NextSessionStartNs = _calendar.NextStartAfter(nowNs);
    }

    /// <summary>The breaker's state.</summary>
    public BreakerState State => _state;

    /// <summary>The trading state: Halted while killed or not Closed, else the operator's mode (Active or Reducing).</summary>
    public TradingState TradingState => _killed || _state != BreakerState.Closed ? TradingState.Halted : _mode;

    /// <summary>Whether the kill switch is engaged (only <see cref="Resume"/> releases it).</summary>
    public bool IsKilled => _killed;

    /// <summary>Whether the HalfOpen probe has been sent and awaits its outcome.</summary>
    public bool IsProbeInFlight => _probeInFlight;

    /// <summary>Every transition, for another thread to drain.</summary>
    public BreakerEventLog Events { get; }

    /// <summary>When the daily counters reset next (Unix ns, UTC).</summary>
    public long NextSessionStartNs { get; private set; }

    /// <summary>Rejects reported since the session start.</summary>
    public long RejectsToday { get; private set; }

    /// <summary>Errors reported since the session start.</summary>
    public long ErrorsToday { get; private set; }

    /// <summary>Trips (transitions into Open for one of the six trip reasons) since the session start.</summary>
    public long TripsToday { get; private set; }

    /// <summary>Session starts passed since construction.</summary>
    public long DailyResets { get; private set; }

    /// <summary>Probe outcomes that came when no probe was in flight (after a timeout or a trip); ignored.</summary>
    public long LateProbeOutcomes { get; private set; }

    /// <summary>Transitions with <paramref name="reason"/> since construction; for a trip reason, the trips by that reason.</summary>
    public long Count(BreakerReason reason) => _countByReason[(int)reason];

    /// <summary>The transitions since construction, indexed by <see cref="BreakerReason"/>, for the snapshot.</summary>
    internal ReadOnlySpan<long> CountsByReason => _countByReason;

    /// <summary>
    /// Whether an order may go on to the other risk checks. Cancels always may. O(1), no allocation, no state change.
    /// </summary>
    /// <param name="isCancel">The order is a cancel.</param>
    /// <param name="reducesExposure">The order only reduces an existing position.</param>
    /// <param name="quantity">The order's quantity (for the probe limit).</param>
    /// <param name="notionalCents">The order's notional in cents (for the probe limit).</param>
    public AdmissionReason Admit(bool isCancel, bool reducesExposure, long quantity, long notionalCents)
    {
        if (isCancel)
        {
            return AdmissionReason.Admitted;
        }
        if (_killed)
        {
            return AdmissionReason.KillSwitch;
        }
        switch (_state)
        {
            case BreakerState.Closed:
                return _mode == TradingState.Reducing && !reducesExposure ? AdmissionReason.ReducingOnly : AdmissionReason.Admitted;
            case BreakerState.HalfOpen:
                if (_probeInFlight)
                {
                    return AdmissionReason.ProbeInFlight;
                }
                if (quantity > _probeMaxQuantity || notionalCents > _probeMaxNotionalCents)
                {
                    return AdmissionReason.NotAProbe;
                }
                return _mode == TradingState.Reducing && !reducesExposure ? AdmissionReason.ReducingOnly : AdmissionReason.AdmittedAsProbe;
            default:
                return AdmissionReason.BreakerOpen;
        }
    }

    /// <summary>Advances time: the daily reset, the cool-down, leaving ResetPending, the probe timeout. Once per loop cycle.</summary>
    public void Tick(long nowNs)
    {
        if (nowNs >= NextSessionStartNs)
        {
            StartSession(nowNs);
        }
        if (_state == BreakerState.Open && !_killed && nowNs - _openedAtNs >= _coolDownNs)
        {
            Move(BreakerState.ResetPending, BreakerReason.CoolDownElapsed, nowNs);
        }
        if (_state == BreakerState.ResetPending && _causes == 0)
        {
            Move(BreakerState.HalfOpen, BreakerReason.CausesCleared, nowNs);
        }
        if (_probeInFlight && nowNs - _probeSentAtNs >= _probeTimeoutNs)
        {
            Open(BreakerReason.ProbeTimedOut, nowNs);
        }
    }

    /// <summary>Reports a cause that stays active until cleared: <see cref="BreakerReason.DailyLoss"/> (cleared by the session start), <see cref="BreakerReason.StaleFeed"/> or <see cref="BreakerReason.InvalidBook"/> (cleared by <see cref="ClearCause"/>). Trips the breaker.</summary>
    public void RaiseCause(BreakerReason cause, long nowNs)
    {
        int bit = LatchedBit(cause);
        _causes |= bit;
        Trip(cause, nowNs);
    }

    /// <summary>Reports that a stale feed or invalid book has recovered; the breaker may then leave ResetPending at the next <see cref="Tick"/>.</summary>
    public void ClearCause(BreakerReason cause)
    {
        if (cause == BreakerReason.DailyLoss)
        {
            ThrowHelper.ThrowArgument(nameof(cause), "a daily loss clears only at the session start");
        }
        _causes &= ~LatchedBit(cause);
    }

    /// <summary>Reports an order rejected (by risk or the venue); trips on <see cref="BreakerOptions.MaxRejects"/> within the window.</summary>
    public void OnReject(long nowNs)
    {
        RejectsToday++;
        if (_rejects.Record(nowNs))
        {
            Trip(BreakerReason.RejectRate, nowNs);
        }
    }

    /// <summary>Reports an error on the order path; trips on <see cref="BreakerOptions.MaxErrors"/> within the window.</summary>
    public void OnError(long nowNs)
    {
        ErrorsToday++;
        if (_errors.Record(nowNs))
        {
            Trip(BreakerReason.ErrorRate, nowNs);
        }
    }

    /// <summary>Marks the probe admitted by <see cref="AdmissionReason.AdmittedAsProbe"/> as sent; call it once the order has passed every check.</summary>
    public void OnProbeSent(long nowNs)
    {
        if (_state != BreakerState.HalfOpen || _probeInFlight || _killed)
        {
            ThrowHelper.ThrowInvalidOperation($"no probe may be sent in state {_state} (probe in flight: {_probeInFlight})");
        }
        _probeInFlight = true;
        _probeSentAtNs = nowNs;
    }

    /// <summary>Reports the probe's outcome: accepted or filled (<paramref name="succeeded"/>) closes the breaker; rejected or failed opens it again.</summary>
    public void OnProbeOutcome(bool succeeded, long nowNs)
    {
        if (!_probeInFlight)
        {
            LateProbeOutcomes++;
            return;
        }
        if (succeeded)
        {
            _probeInFlight = false;
            Move(BreakerState.Closed, BreakerReason.ProbeSucceeded, nowNs);
        }
        else
        {
            Open(BreakerReason.ProbeFailed, nowNs);
        }
    }

    /// <summary>The kill switch: Halted, the breaker Open until <see cref="Resume"/>, and the router asked to cancel all (and flatten) per the options. Always recorded.</summary>
    public void Kill(long nowNs) => Kill(nowNs, _killRequests);

    /// <summary>The kill switch with the router's requests chosen by the operator (e.g. cancel all and flatten whatever the options say). Always recorded.</summary>
    public void Kill(long nowNs, KillRequests requests)
    {
        var tradingFrom = TradingState;
        var from = _state;
        _killed = true;
        _probeInFlight = false;
        _state = BreakerState.Open;
        _openedAtNs = nowNs;
        _pendingRequests |= requests;
        TripsToday++;
        Record(from, tradingFrom, BreakerReason.ManualKill, requests, nowNs);
    }

    /// <summary>The operator resumes: kill switch released, every cause and window forgotten, the breaker Closed and the trading state Active. Always recorded.</summary>
    public void Resume(long nowNs)
    {
        var tradingFrom = TradingState;
        var from = _state;
        _killed = false;
        _causes = 0;
        _probeInFlight = false;
        _rejects.Clear();
        _errors.Clear();
        _mode = TradingState.Active;
        _state = BreakerState.Closed;
        Record(from, tradingFrom, BreakerReason.ManualResume, KillRequests.None, nowNs);
    }

    /// <summary>The operator allows only orders that reduce exposure (until <see cref="Resume"/>); the breaker state is unchanged.</summary>
    public void ReduceOnly(long nowNs)
    {
        var tradingFrom = TradingState;
        _mode = TradingState.Reducing;
        Record(_state, tradingFrom, BreakerReason.ManualReduceOnly, KillRequests.None, nowNs);
    }

    /// <summary>Returns the kill requests not yet taken and clears them. For the router, on the loop thread.</summary>
    public KillRequests TakeKillRequests()
    {
        var requests = _pendingRequests;
        _pendingRequests = KillRequests.None;
        return requests;
    }

    /// <summary>The first broken invariant, or null. For tests.</summary>
    internal string? FindInvariantViolation()
    {
        if (_killed && _state != BreakerState.Open)
        {
            return $"killed but {_state}";
        }
        if (_probeInFlight && _state != BreakerState.HalfOpen)
        {
            return $"probe in flight in {_state}";
        }
        if (_mode == TradingState.Halted)
        {
            return "the operator's mode is Halted";
        }
        return null;
    }

    private static int LatchedBit(BreakerReason cause)
    {
        int bit = 1 << (int)cause;
        if ((bit & LatchedCauses) == 0)
        {
            ThrowHelper.ThrowArgument(nameof(cause), $"{cause} is not DailyLoss, StaleFeed or InvalidBook");
        }
        return bit;
    }

    private void Trip(BreakerReason reason, long nowNs)
    {
        if (_state != BreakerState.Open)
        {
            TripsToday++;
            Open(reason, nowNs);
        }
    }

    private void Open(BreakerReason reason, long nowNs)
    {
        _probeInFlight = false;
        _rejects.Clear();
        _errors.Clear();
        _openedAtNs = nowNs;
        Move(BreakerState.Open, reason, nowNs);
    }

    private void Move(BreakerState to, BreakerReason reason, long nowNs)
    {
        var tradingFrom = TradingState;
        var from = _state;
        _state = to;
        Record(from, tradingFrom, reason, KillRequests.None, nowNs);
    }

    private void Record(BreakerState from, TradingState tradingFrom, BreakerReason reason, KillRequests requests, long nowNs)
    {
        _countByReason[(int)reason]++;
        Events.Append(new BreakerTransition(nowNs, from, _state, tradingFrom, TradingState, reason, requests));
    }

    private void StartSession(long nowNs)
    {
        RejectsToday = 0;
        ErrorsToday = 0;
        TripsToday = 0;
        DailyResets++;
        _causes &= ~(1 << (int)BreakerReason.DailyLoss);
        NextSessionStartNs = _calendar.NextStartAfter(nowNs);
    }
}
