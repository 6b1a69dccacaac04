namespace Engine.Risk;

/// <summary>
/// The risk stage's figures as of its last end of batch, for the status line and metrics; written by
/// the loop with release stores and read by any thread. Each field is current on its own; two fields
/// may come from neighbouring batches.
/// </summary>
public sealed class RiskSnapshot
{
    private static readonly int s_reasons = Enum.GetValues<RiskRejectReason>().Length;
    private static readonly int s_breakerReasons = Enum.GetValues<BreakerReason>().Length;

    private readonly long[] _rejectsByReason = new long[s_reasons];
    private long _approved;
    private long _rejected;
    private int _breakerState;
    private int _tradingState;
    private long _dailyPnlCents;
    private long _realisedCents;
    private long _unrealisedCents;
    private long _feesCents;
    private long _grossExposureCents;
    private int _openPositions;
    private int _openOrders;
    private int _invalidBooks;
    private long _limitReloads;
    private readonly long[] _breakerTransitions = new long[s_breakerReasons];

    /// <summary>Intents approved.</summary>
    public long Approved => Volatile.Read(ref _approved);

    /// <summary>Intents refused, all reasons.</summary>
    public long Rejected => Volatile.Read(ref _rejected);

    /// <summary>The breaker's state.</summary>
    public BreakerState BreakerState => (BreakerState)Volatile.Read(ref _breakerState);

    /// <summary>The trading state.</summary>
    public TradingState TradingState => (TradingState)Volatile.Read(ref _tradingState);

    /// <summary>Net P&amp;L since the session start, cents.</summary>
    public long DailyPnlCents => Volatile.Read(ref _dailyPnlCents);

    /// <summary>Realised P&amp;L since start-up, cents, before fees.</summary>
    public long RealisedCents => Volatile.Read(ref _realisedCents);

    /// <summary>Unrealised P&amp;L at the marks, cents.</summary>
    public long UnrealisedCents => Volatile.Read(ref _unrealisedCents);

    /// <summary>Fees since start-up, cents.</summary>
    public long FeesCents => Volatile.Read(ref _feesCents);

    /// <summary>Positions marked to mid plus open orders' notional, cents.</summary>
    public long GrossExposureCents => Volatile.Read(ref _grossExposureCents);

    /// <summary>Positions that are not flat.</summary>
    public int OpenPositions => Volatile.Read(ref _openPositions);

    /// <summary>Open orders.</summary>
    public int OpenOrders => Volatile.Read(ref _openOrders);

    /// <summary>Books currently invalid (gap, resync, crossed).</summary>
    public int InvalidBooks => Volatile.Read(ref _invalidBooks);

    /// <summary>Reloads of the limits applied.</summary>
    public long LimitReloads => Volatile.Read(ref _limitReloads);

    /// <summary>Intents refused for <paramref name="reason"/>.</summary>
    public long RejectedFor(RiskRejectReason reason) => Volatile.Read(ref _rejectsByReason[(int)reason]);

    /// <summary>Breaker transitions with <paramref name="reason"/> since start-up; for a trip reason, the trips by that reason.</summary>
    public long BreakerTransitionsFor(BreakerReason reason) => Volatile.Read(ref _breakerTransitions[(int)reason]);

    /// <summary>Copies the live figures. Loop thread only; allocates nothing.</summary>
    internal void Publish(RiskStage stage, RiskEngine risk, CircuitBreaker breaker, Positions.PositionTotals totals)
    {
        var rejects = stage.RejectsByReason;
        for (int i = 0; i < rejects.Length; i++)
        {
            Volatile.Write(ref _rejectsByReason[i], rejects[i]);
        }
        Volatile.Write(ref _approved, stage.ApprovedTotal);
        Volatile.Write(ref _rejected, stage.Rejected);
        Volatile.Write(ref _breakerState, (int)breaker.State);
        Volatile.Write(ref _tradingState, (int)breaker.TradingState);
        Volatile.Write(ref _dailyPnlCents, Clamp(risk.DailyPnlCents));
        Volatile.Write(ref _realisedCents, Clamp(totals.RealisedCents));
        Volatile.Write(ref _unrealisedCents, Clamp(totals.UnrealisedCents));
        Volatile.Write(ref _feesCents, Clamp(totals.FeesCents));
        Volatile.Write(ref _grossExposureCents, Clamp(risk.GrossExposureCents));
        Volatile.Write(ref _openPositions, totals.OpenPositions);
        Volatile.Write(ref _openOrders, risk.OpenOrders);
        Volatile.Write(ref _invalidBooks, stage.InvalidBooks);
        Volatile.Write(ref _limitReloads, risk.LimitReloads);
        var transitions = breaker.CountsByReason;
        for (int i = 0; i < transitions.Length; i++)
        {
            Volatile.Write(ref _breakerTransitions[i], transitions[i]);
        }
    }

    private static long Clamp(Int128 cents) => cents > long.MaxValue ? long.MaxValue : cents < long.MinValue ? long.MinValue : (long)cents;
}
