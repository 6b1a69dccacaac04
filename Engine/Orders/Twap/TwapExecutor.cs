using Engine.Book;
using Engine.Ring;
using Engine.Risk;
using Feeds;

namespace Engine.Orders.Twap;

/// <summary>
/// Executes one TWAP parent order on the loop thread: at each slice time it sends one child through
/// the risk checks (<see cref="RiskStage.Submit"/>) with its own client order id and the parent's id,
/// follows every child through the router's <see cref="OrderTable"/>, and spreads what a child left
/// unfilled (refused, partly filled, cancelled, expired) over the slices still to come.
/// </summary>
/// <remarks>
/// <para>Loop thread only; nothing allocates after construction (the child table holds one child per
/// slice). Its stage calls <see cref="OnTick"/> for every event, before the router stage handles that
/// event: the children a tick submits reach the order table in the same event, and the next tick
/// reads them back.</para>
/// <para>Slice i is due at start + delay + i x duration / N. At a due slice the child gets the
/// quantity available (total less filled, less still working) divided by the slices left, in whole
/// lots; the last slice takes all that is available, so the parent never has more than its total
/// filled or working. A tick that comes late folds the slices it missed into one child. A child
/// lives until the next slice is due (the last one until the end of the schedule): if still working
/// then, it is cancelled and its remainder returns to the parent once the cancel is confirmed.</para>
/// <para>The parent ends Completed when its total has filled, Expired when the schedule is over and
/// every child has ended with quantity unfilled, and Cancelled by <see cref="Cancel"/> or when the
/// trading state becomes Halted (breaker not closed, kill switch): its working children are then
/// cancelled (cancel intents through the same checks, tried again every
/// <see cref="TwapOptions.CancelRetryMs"/> if refused) and followed until they end, so late fills
/// still count.</para>
/// </remarks>
public sealed partial class TwapExecutor
{
    private readonly OrderBooks _books;
    private readonly RiskStage _risk;
    private readonly OrderTable _orders;
    private readonly ClientOrderIds _ids;
    private readonly int _instrumentId;
    private readonly Side _side;
    private readonly long _totalQuantity;
    private readonly int _slices;
    private readonly long _durationNs;
    private readonly long _intervalNs;
    private readonly long _startDelayNs;
    private readonly long _cancelRetryNs;
    private readonly TwapChildType _childType;
    private readonly TwapLimitReference _limitReference;
    private readonly long _limitOffsetTicks;
    private readonly long _limitCapTicks;
    private readonly TimeInForce _childTimeInForce;
    private readonly TwapChild[] _children;
    private readonly int[] _open; // indexes into _children of the children not yet ended
    private int _openCount;
    private int _childCount;
    private int _nextSlice;
    private long _firstSliceNs;
    private long _filled;
    private Int128 _filledValueTicks;
    private long _working;
    private long _lostQuantity;
    private int _changedEndedFrom = int.MaxValue; // lowest ended child changed since the snapshot last looked (a late fill, a restart)

    /// <summary>
    /// An executor for the parent <paramref name="options"/> describes, sending through
    /// <paramref name="risk"/> to <paramref name="router"/> and pricing limit children off
    /// <paramref name="books"/>; throws <see cref="ArgumentException"/> listing every problem of invalid
    /// options (and a total that is not whole lots of the instrument under the risk limits in force).
    /// </summary>
    public TwapExecutor(TwapOptions options, OrderBooks books, RiskStage risk, RouterStage router)
        : this(options, books, risk, (router ?? throw new ArgumentNullException(nameof(router))).Orders, router.Ids)
    {
    }

    /// <summary>
    /// An executor that follows its children in <paramref name="orders"/> (the router's table) and
    /// names them with <paramref name="ids"/> (the router's ids): the form a strategy builds from its
    /// context (<see cref="Strategies.StrategyContext"/>). Otherwise as the router overload.
    /// </summary>
    public TwapExecutor(TwapOptions options, OrderBooks books, RiskStage risk, OrderTable orders, ClientOrderIds ids)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(books);
        ArgumentNullException.ThrowIfNull(risk);
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(ids);
        var errors = new List<string>();
        var limits = risk.Engine.Limits;
        options.Validate("twap", errors, Math.Min(books.Count, limits.Instruments));
        if (errors.Count == 0 && options.TotalQuantity % limits.Rules[options.InstrumentId].LotSize != 0)
        {
            errors.Add($"twap.totalQuantity: {options.TotalQuantity} is not a multiple of instrument {options.InstrumentId}'s lotSize ({limits.Rules[options.InstrumentId].LotSize}); slices are whole lots");
        }
        if (errors.Count > 0)
        {
            ThrowHelper.ThrowArgument(nameof(options), string.Join(Environment.NewLine, errors));
        }
        _books = books;
        _risk = risk;
        _orders = orders;
        _ids = ids;
        _instrumentId = options.InstrumentId;
        _side = options.Side;
        _totalQuantity = options.TotalQuantity;
        _slices = options.Slices;
        _durationNs = options.DurationMs * 1_000_000;
        _intervalNs = _durationNs / _slices;
        _startDelayNs = options.StartDelayMs * 1_000_000;
        _cancelRetryNs = options.CancelRetryMs * 1_000_000L;
        _childType = options.ChildType;
        _limitReference = options.LimitReference;
        _limitOffsetTicks = options.LimitOffsetTicks;
        _limitCapTicks = options.LimitCapTicks;
        _childTimeInForce = options.ChildTimeInForce;
        _children = new TwapChild[_slices];
        _open = new int[_slices];
    }

    /// <summary>The parent's id (what its children carry as <see cref="Order.ParentId"/>); 0 before <see cref="Start"/>.</summary>
    public long ParentId { get; private set; }

    /// <summary>Where the parent is.</summary>
    public TwapStatus Status { get; private set; }

    /// <summary>Why it ended; <see cref="TwapEndReason.None"/> while it has not.</summary>
    public TwapEndReason EndReason { get; private set; }

    /// <summary>The instrument id.</summary>
    public int InstrumentId => _instrumentId;

    /// <summary>Buy or sell.</summary>
    public Side Side => _side;

    /// <summary>The parent's whole quantity.</summary>
    public long Quantity => _totalQuantity;

    /// <summary>Quantity filled by its children so far.</summary>
    public long FilledQuantity => _filled;

    /// <summary>Quantity not filled (0 once more than the total has filled).</summary>
    public long RemainingQuantity => Math.Max(0, _totalQuantity - _filled);

    /// <summary>Quantity of the children still working, as of the last tick.</summary>
    public long WorkingQuantity => _working;

    /// <summary>Average fill price in ticks over every child, truncated; 0 before any fill.</summary>
    public long AverageFillPriceTicks => _filled == 0 ? 0 : (long)(_filledValueTicks / _filled);

    /// <summary>Sum of fill quantity x price in ticks over every child.</summary>
    public Int128 FilledValueTicks => _filledValueTicks;

    /// <summary>Number of slices of the schedule.</summary>
    public int Slices => _slices;

    /// <summary>Slices whose time has come (sent, refused, or skipped with nothing available).</summary>
    public int SlicesDone => _nextSlice;

    /// <summary>Children that passed the risk checks.</summary>
    public int ChildrenSent { get; private set; }

    /// <summary>Children refused (by risk, or a limit child without a touch to price it).</summary>
    public int ChildrenRefused { get; private set; }

    /// <summary>Children still working (not ended), as of the last tick.</summary>
    public int OpenChildren => _openCount;

    /// <summary>Cancel intents submitted for children (approved or not).</summary>
    public int CancelRequests { get; private set; }

    /// <summary>Cancel intents risk refused (tried again later).</summary>
    public int CancelsRefused { get; private set; }

    /// <summary>Fills that reached children already ended (counted by <see cref="OnExecution"/>).</summary>
    public int LateFills { get; private set; }

    /// <summary>When the first slice is due, Unix ns.</summary>
    public long FirstSliceNs => _firstSliceNs;

    /// <summary>When the schedule ends, Unix ns.</summary>
    public long EndNs => _firstSliceNs + _durationNs;

    /// <summary>When slice <paramref name="slice"/> (0..<see cref="Slices"/>-1) is due, Unix ns.</summary>
    public long SliceDueNs(int slice) => _firstSliceNs + (slice * _intervalNs);

    /// <summary>Whether the parent has started and is not over: not ended, or ended with children still working.</summary>
    public bool IsActive => Status is TwapStatus.Pending or TwapStatus.Working || _openCount > 0;

    /// <summary>Bumped whenever anything the view shows changes; a snapshot copies only when it moved.</summary>
    public long Revision { get; private set; }

    /// <summary>Every child sent or refused so far, in slice order.</summary>
    public ReadOnlySpan<TwapChild> Children => _children.AsSpan(0, _childCount);

    /// <summary>
    /// Starts the parent <paramref name="parentId"/> (non-zero; a fresh id from <see cref="ClientOrderIds"/> is
    /// a good one) at <paramref name="nowNs"/>: the first slice is due after the start delay. False, and
    /// nothing changes, while a previous parent <see cref="IsActive"/>. Loop thread only.
    /// </summary>
    public bool Start(long parentId, long nowNs)
    {
        if (parentId == 0)
        {
            ThrowHelper.ThrowArgument(nameof(parentId), "a parent id must not be 0 (0 means no parent)");
        }
        if (IsActive)
        {
            return false;
        }
        ParentId = parentId;
        Status = TwapStatus.Pending;
        EndReason = TwapEndReason.None;
        _firstSliceNs = nowNs + _startDelayNs;
        _nextSlice = 0;
        _childCount = 0;
        _filled = 0;
        _filledValueTicks = 0;
        _working = 0;
        _lostQuantity = 0;
        ChildrenSent = 0;
        ChildrenRefused = 0;
        CancelRequests = 0;
        CancelsRefused = 0;
        LateFills = 0;
        _changedEndedFrom = 0;
        Revision++;
        return true;
    }

    /// <summary>
    /// Moves the parent on at <paramref name="nowNs"/>: reads its children back from the order table,
    /// ends it when the trading state is Halted, filled or over, cancels children whose slice is
    /// over and sends the child of a due slice. Loop thread only; allocates nothing.
    /// </summary>
    public void OnTick(long nowNs)
    {
        if (Status == TwapStatus.None)
        {
            return;
        }
        if (_openCount > 0)
        {
            FollowChildren();
        }
        if (Status is TwapStatus.Pending or TwapStatus.Working)
        {
            var breaker = _risk.Breaker;
            if (breaker.TradingState == TradingState.Halted)
            {
                End(TwapStatus.Cancelled, breaker.IsKilled ? TwapEndReason.Killed : TwapEndReason.Halted);
            }
            else if (_filled >= _totalQuantity)
            {
                End(TwapStatus.Completed, TwapEndReason.Filled);
            }
            else
            {
                ExpireChildren(nowNs);
            }
        }
        if (_openCount > 0)
        {
            // Before the next child, so the venue sees the old slice's cancel first.
            CancelWantedChildren(nowNs);
        }
        if (Status is TwapStatus.Pending or TwapStatus.Working)
        {
            SendDueSlices(nowNs);
            if (_nextSlice == _slices && _openCount == 0)
            {
                End(TwapStatus.Expired, TwapEndReason.ScheduleEnded);
            }
        }
    }

    /// <summary>
    /// Counts a fill that reaches a child already ended (a fill that raced its cancel or expiry): the
    /// router applies it to the positions but not to the ended order, so the order table will never
    /// show it. Its stage calls this for every execution report, after <see cref="OnTick"/> for the
    /// same event (the executor's view of its children is then the router's as of the event before).
    /// Loop thread only; allocates nothing.
    /// </summary>
    public void OnExecution(in ExecutionReport report)
    {
        if (report.Kind is not (ExecutionKind.Fill or ExecutionKind.PartialFill) || _childCount == 0)
        {
            return;
        }
        int index = FindChild(report.ClientOrderId);
        if (index < 0)
        {
            return;
        }
        ref var child = ref _children[index];
        if (child.Lost || OrderTransitions.IsFinal(child.Status))
        {
            if (child.Lost)
            {
                // Held back as possibly filled: what is now known to have filled is no longer held back twice.
                _lostQuantity -= Math.Clamp(child.Quantity - child.FilledQuantity, 0, report.LastQuantity);
            }
            child.FilledQuantity += report.LastQuantity;
            child.FilledValueTicks += (Int128)report.LastQuantity * report.LastPriceTicks;
            _filled += report.LastQuantity;
            _filledValueTicks += (Int128)report.LastQuantity * report.LastPriceTicks;
            LateFills++;
            _changedEndedFrom = Math.Min(_changedEndedFrom, index);
            Revision++;
        }
    }

    /// <summary>
    /// Cancels the parent: no more slices; its working children are cancelled (the cancel intents go
    /// through <see cref="RiskStage.Submit"/> now) and followed until they end. False when it is not
    /// pending or working. Loop thread only.
    /// </summary>
    public bool Cancel(long nowNs)
    {
        if (Status is not (TwapStatus.Pending or TwapStatus.Working))
        {
            return false;
        }
        End(TwapStatus.Cancelled, TwapEndReason.CancelRequested);
        CancelWantedChildren(nowNs);
        return true;
    }

    /// <summary>The lowest index of a child still open, else the number of children: children below it no longer change.</summary>
    internal int FirstOpenChild()
    {
        int first = _childCount;
        for (int i = 0; i < _openCount; i++)
        {
            first = Math.Min(first, _open[i]);
        }
        return first;
    }

    /// <summary>The lowest ended child changed since the last call (int.MaxValue if none), and forgets it. For the snapshot.</summary>
    internal int TakeChangedEndedFrom()
    {
        int from = _changedEndedFrom;
        _changedEndedFrom = int.MaxValue;
        return from;
    }

    private void End(TwapStatus status, TwapEndReason reason)
    {
        Status = status;
        EndReason = reason;
        Revision++;
        // Cancelled: no more of it is wanted. Completed with a child still working: fills that raced
        // a cancel made up the total, so that child's remainder is not wanted either.
        for (int i = 0; i < _openCount; i++)
        {
            _children[_open[i]].CancelWanted = true;
        }
    }

    /// <summary>Sends one child for the slices now due: what is available over the slices left times the slices due; all of it at the last.</summary>
    private void SendDueSlices(long nowNs)
    {
        if (_nextSlice >= _slices || nowNs < SliceDueNs(_nextSlice))
        {
            return;
        }
        Status = TwapStatus.Working;
        Revision++;
        int last = (int)Math.Min(_slices - 1, (nowNs - _firstSliceNs) / _intervalNs);
        int due = last - _nextSlice + 1;
        int left = _slices - _nextSlice;
        long available = _totalQuantity - _filled - _working - _lostQuantity;
        _nextSlice = last + 1;
        if (available <= 0)
        {
            return;
        }
        long quantity = last == _slices - 1 ? available : (long)((Int128)available * due / left);
        long lot = _risk.Engine.Limits.Rules[_instrumentId].LotSize;
        quantity -= quantity % lot;
        if (quantity > 0)
        {
            long expiresAtNs = last == _slices - 1 ? EndNs : SliceDueNs(last + 1);
            if (expiresAtNs <= nowNs)
            {
                // A tick so late that the child's slice is already over: it still gets a slice's time.
                expiresAtNs = nowNs + _intervalNs;
            }
            SendChild(last, quantity, expiresAtNs);
        }
    }
}
