using Engine.Orders;
using Engine.Orders.Twap;
using Engine.Ring;
using Feeds;

namespace Engine.Strategies;

/// <summary>
/// Executes the one parent order of <c>strategy.twap</c> with a <see cref="TwapExecutor"/> (the same
/// executor the operator's TWAP stage runs): started at the first market event that finds its
/// instrument's book valid and two-sided (a child sent into an empty book would only be refused, and
/// refusals count toward the breaker), then moved on by market events and execution reports.
/// </summary>
/// <remarks>
/// <para>The rules are the executor's: slice i due at start + delay + i x duration / slices, each slice
/// the quantity still available over the slices left (whole lots, the last takes the rest), a child
/// still working at the next slice cancelled and its remainder spread over the later slices, the
/// parent cancelled when trading halts. Its children go through the same checks as every intent
/// (<see cref="Risk.RiskStage.Submit"/>) and the router sends them in the same event.</para>
/// <para>A reload whose <c>strategy.twap</c> differs from the running parent's starts a new parent
/// with it once the running one has ended (its executor is built then, on the loop: a reload is an
/// operator's act, not the hot path); a running parent is never changed.</para>
/// <para>It ticks the executor at the strategy's time (<see cref="StrategyContext.NowNs"/>, taken
/// at each end of batch): on the first market event of each batch and on every execution report, so
/// a slice is late by at most one batch and the clock is not read per event.</para>
/// <para>Loop thread only; while a parent runs nothing allocates.</para>
/// </remarks>
public sealed class TwapStrategy : IStrategy
{
    private TwapOptions _options;
    private TwapOptions? _next;
    private long _lastTickNs;

    /// <summary>A TWAP strategy for the parent <paramref name="options"/> describes (validated).</summary>
    public TwapStrategy(StrategyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Twap;
    }

    /// <inheritdoc />
    public string Name => nameof(StrategyKind.Twap);

    /// <summary>The executor of the running (or last) parent; null until the first parent starts.</summary>
    public TwapExecutor? Executor { get; private set; }

    /// <summary>Parents started (the first, and one per reload that changed the parent).</summary>
    public int ParentsStarted { get; private set; }

    /// <summary>The mid of the running parent's instrument when it started, in sub-ticks: its arrival price, the benchmark of its implementation shortfall.</summary>
    public long ArrivalMidSubTicks { get; private set; }

    /// <inheritdoc />
    public IReadOnlyList<string> CountNames { get; } = ["parents_started"];

    /// <inheritdoc />
    public void CopyCounts(Span<long> counts) => counts[0] = ParentsStarted;

    /// <inheritdoc />
    public void OnStart(StrategyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Orders is null)
        {
            ThrowHelper.ThrowInvalidOperation("the TWAP strategy needs the router's order table in its context (StrategyContext orders)");
        }
    }

    /// <inheritdoc />
    public void OnMarketData(in MarketDataEvent e, StrategyContext context)
    {
        var executor = Executor;
        long now = context.NowNs;
        if (executor is null || !executor.IsActive)
        {
            // The first parent, or the next one a reload asked for.
            var options = executor is null ? _options : _next;
            if (options is null || !HasMarket(options.InstrumentId, context))
            {
                return;
            }
            _next = null;
            _options = options;
            executor = StartParent(options, context);
        }
        else if (now == _lastTickNs)
        {
            // Slices fall due with time, and the time moves at ends of batch: once a batch is enough.
            return;
        }
        _lastTickNs = now;
        executor.OnTick(now);
    }

    /// <inheritdoc />
    public void OnExecution(in ExecutionReport report, StrategyContext context)
    {
        var executor = Executor;
        if (executor is null)
        {
            return;
        }
        // As the operator's stage does: tick first (its children's fills are read back from the
        // router's orders), so a fill that raced the child's end is seen as late.
        if (executor.IsActive)
        {
            executor.OnTick(context.NowNs);
        }
        executor.OnExecution(in report);
    }

    /// <inheritdoc />
    public void OnTimer(StrategyContext context)
    {
    }

    /// <inheritdoc />
    public void OnParameters(StrategyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _next = options.Twap == _options ? null : options.Twap;
    }

    /// <summary>Whether the parent's book is valid and two-sided: its children need a price to be checked (and priced) against.</summary>
    private static bool HasMarket(int instrumentId, StrategyContext context)
    {
        var book = context.Books[instrumentId];
        return book.IsValid && book.TryGetSpreadTicks(out _);
    }

    private TwapExecutor StartParent(TwapOptions options, StrategyContext context)
    {
        var executor = new TwapExecutor(options, context.Books, context.Risk, context.Orders!, context.Ids);
        // HasMarket made sure the book is two-sided: it has a mid.
        ArrivalMidSubTicks = context.Books[options.InstrumentId].TryGetMidSubTicks(out long mid) ? mid : 0;
        executor.Start(context.NextClientOrderId(), context.NowNs);
        Executor = executor;
        ParentsStarted++;
        return executor;
    }
}
