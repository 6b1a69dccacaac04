using Engine.Book;
using Engine.Numerics;
using Engine.Orders;
using Engine.Risk;
using Feeds;

namespace Engine.Venues.Paper;

/// <summary>The commands of <see cref="PaperMatcher"/>: new orders (validation, acceptance, the walk of a marketable order) and cancels.</summary>
public sealed partial class PaperMatcher
{
    /// <summary>Hundredths of a basis point per unit: a fee of f centi-bps on a value v is v x f / 10^6.</summary>
    private const long CentiBpsPerUnit = 1_000_000;

    private void Execute(in OrderCommand command)
    {
        switch (command.Kind)
        {
            case OrderCommandKind.New:
                ExecuteNew(in command);
                break;
            case OrderCommandKind.Cancel:
                ExecuteCancel(in command);
                break;
            default:
                InvalidCommands++;
                break;
        }
    }

    private void ExecuteNew(in OrderCommand command)
    {
        var reason = Validate(in command);
        if (reason != VenueRejectReason.None)
        {
            RefuseCommand(in command, reason);
            return;
        }
        var book = _books[command.InstrumentId];
        var order = new PaperOrder
        {
            ClientOrderId = command.ClientOrderId,
            InstrumentId = command.InstrumentId,
            Side = command.Side,
            TimeInForce = command.TimeInForce,
            Quantity = command.Quantity,
            LimitPriceTicks = command.Type is OrderType.Market or OrderType.Stop ? MarketLimit(command.Side) : command.LimitPriceTicks,
        };
        OrdersAccepted++;
        Emit(ExecutionKind.Accepted, VenueRejectReason.None, in order, 0, 0, 0);
        if (command.Type is OrderType.Stop or OrderType.StopLimit)
        {
            // It waits out of the book for a trade at its stop price (PaperMatcher.Resting).
            ref var stop = ref Rest(in order, book);
            stop.StopPriceTicks = command.StopPriceTicks;
            stop.StopPending = true;
            stop.CancelsUnfilled = command.Type == OrderType.Stop;
            return;
        }
        if (order.TimeInForce == TimeInForce.Fok && MarketableQuantity(in order, book) < order.Quantity)
        {
            CancelUnrested(in order);
            return;
        }
        TakeLiquidity(ref order, book, passive: false);
        if (order.LeavesQuantity == 0)
        {
            _orders.RememberFinal(order.ClientOrderId);
        }
        else if (Rests(in command))
        {
            Rest(in order, book);
        }
        else
        {
            // IOC, and market orders of any time in force: what found no liquidity is cancelled.
            CancelUnrested(in order);
        }
    }

    /// <summary>Why the venue refuses <paramref name="command"/> before accepting it, or <see cref="VenueRejectReason.None"/>; counts each refusal.</summary>
    private VenueRejectReason Validate(in OrderCommand command)
    {
        if ((uint)command.InstrumentId >= (uint)_books.Count)
        {
            RejectedUnknownInstrument++;
            return VenueRejectReason.NotFound;
        }
        if (command.Quantity <= 0)
        {
            RejectedInvalidQuantity++;
            return VenueRejectReason.InvalidOrder;
        }
        if (command.Side is not (Side.Buy or Side.Sell) || !IsSupported(in command))
        {
            RejectedUnsupported++;
            return VenueRejectReason.InvalidOrder;
        }
        if (_orders.IsKnown(command.ClientOrderId))
        {
            RejectedDuplicateId++;
            return VenueRejectReason.InvalidOrder;
        }
        if (Rests(in command) && _orders.IsFull)
        {
            RejectedPoolFull++;
            return VenueRejectReason.Other;
        }
        if ((command.Type == OrderType.Market || command.TimeInForce == TimeInForce.Fok)
            && _books[command.InstrumentId].LevelCount(Opposite(command.Side)) == 0)
        {
            RejectedNoLiquidity++;
            return VenueRejectReason.NoLiquidity;
        }
        return VenueRejectReason.None;
    }

    /// <summary>
    /// Market and limit orders of any time in force but the auctions (opg, cls); stop and
    /// stop-limit orders day or gtc (as Alpaca takes them). Each with the prices its type needs.
    /// Trailing stops are not simulated.
    /// </summary>
    private static bool IsSupported(in OrderCommand command) => command.Type switch
    {
        OrderType.Market => command.TimeInForce is TimeInForce.Day or TimeInForce.Gtc or TimeInForce.Ioc or TimeInForce.Fok,
        OrderType.Limit => command.TimeInForce is TimeInForce.Day or TimeInForce.Gtc or TimeInForce.Ioc or TimeInForce.Fok
            && command.LimitPriceTicks > 0,
        OrderType.Stop => command.TimeInForce is TimeInForce.Day or TimeInForce.Gtc && command.StopPriceTicks > 0,
        OrderType.StopLimit => command.TimeInForce is TimeInForce.Day or TimeInForce.Gtc
            && command.StopPriceTicks > 0 && command.LimitPriceTicks > 0,
        _ => false,
    };

    /// <summary>Whether the order needs a slot of the pool: a day or gtc limit may rest, a stop waits.</summary>
    private static bool Rests(in OrderCommand command) =>
        command.Type is OrderType.Limit or OrderType.Stop or OrderType.StopLimit
        && command.TimeInForce is TimeInForce.Day or TimeInForce.Gtc;

    private ref PaperOrder Rest(in PaperOrder order, OrderBook book)
    {
        ref var resting = ref _orders.Add(order.ClientOrderId, order.InstrumentId, out _);
        resting.Side = order.Side;
        resting.TimeInForce = order.TimeInForce;
        resting.Quantity = order.Quantity;
        resting.FilledQuantity = order.FilledQuantity;
        resting.LimitPriceTicks = order.LimitPriceTicks;
        // It joins the back of the queue: everything displayed at its price is ahead of it.
        resting.LevelQuantity = book.QuantityAt(order.Side, order.LimitPriceTicks);
        resting.AheadQuantity = resting.LevelQuantity;
        return ref resting;
    }

    private void ExecuteCancel(in OrderCommand command)
    {
        if (_orders.TryFindResting(command.ClientOrderId, out int slot))
        {
            ref var order = ref _orders[slot];
            OrdersCanceled++;
            Emit(ExecutionKind.Canceled, VenueRejectReason.None, in order, 0, 0, 0);
            _orders.Close(slot);
            return;
        }
        if (_orders.IsKnown(command.ClientOrderId))
        {
            CancelsNotCancelable++;
            RefuseCommand(in command, VenueRejectReason.NotCancelable);
        }
        else
        {
            CancelsNotFound++;
            RefuseCommand(in command, VenueRejectReason.NotFound);
        }
    }

    /// <summary>Refuses a command: a new order is <see cref="ExecutionKind.Rejected"/>, a cancel <see cref="ExecutionKind.CancelRejected"/>.</summary>
    private void RefuseCommand(in OrderCommand command, VenueRejectReason reason)
    {
        bool isNew = command.Kind == OrderCommandKind.New;
        if (isNew)
        {
            OrdersRejected++;
        }
        var report = new ExecutionReport
        {
            Kind = isNew ? ExecutionKind.Rejected : ExecutionKind.CancelRejected,
            Reject = reason,
            Side = command.Side,
            InstrumentId = command.InstrumentId,
            ClientOrderId = command.ClientOrderId,
        };
        Publish(ref report);
    }

    /// <summary>
    /// Fills <paramref name="order"/> against the book's opposite levels, best first, one fill per
    /// level, skipping the size our earlier fills took. A marketable order fills at each level's
    /// price and pays the taker fee; a resting order (<paramref name="passive"/>) reached by the
    /// opposite touch fills at its limit and pays the maker fee, and at a level exactly at its
    /// limit only once nothing is ahead of it in its own queue.
    /// </summary>
    private void TakeLiquidity(ref PaperOrder order, OrderBook book, bool passive)
    {
        var side = Opposite(order.Side);
        int id = order.InstrumentId;
        for (int depth = 0; order.LeavesQuantity > 0 && book.TryGetLevel(side, depth, out var level); depth++)
        {
            if (!IsAtOrBetter(order.Side, level.PriceTicks, order.LimitPriceTicks)
                || (passive && level.PriceTicks == order.LimitPriceTicks && order.AheadQuantity > 0))
            {
                return;
            }
            long available = level.Quantity - _taken.TakenAt(id, side, level.PriceTicks);
            if (available <= 0)
            {
                continue;
            }
            long quantity = Math.Min(order.LeavesQuantity, available);
            if (!_taken.TryTake(id, side, level.PriceTicks, quantity, level.Quantity))
            {
                TakenLevelsFull++;
                return;
            }
            if (passive)
            {
                FillOrder(ref order, quantity, order.LimitPriceTicks, _makerFeeCentiBps);
            }
            else
            {
                FillOrder(ref order, quantity, level.PriceTicks, _takerFeeCentiBps);
            }
        }
    }

    /// <summary>What a marketable order could take now, counted up to its quantity (the fill-or-kill test).</summary>
    private long MarketableQuantity(in PaperOrder order, OrderBook book)
    {
        var side = Opposite(order.Side);
        long total = 0;
        for (int depth = 0; total < order.Quantity && book.TryGetLevel(side, depth, out var level); depth++)
        {
            if (!IsAtOrBetter(order.Side, level.PriceTicks, order.LimitPriceTicks))
            {
                break;
            }
            total += Math.Max(0, level.Quantity - _taken.TakenAt(order.InstrumentId, side, level.PriceTicks));
        }
        return total;
    }

    private void FillOrder(ref PaperOrder order, long quantity, long priceTicks, long feeCentiBps)
    {
        order.FilledQuantity += quantity;
        Fills++;
        var kind = order.LeavesQuantity == 0 ? ExecutionKind.Fill : ExecutionKind.PartialFill;
        Emit(kind, VenueRejectReason.None, in order, quantity, priceTicks, Fee(quantity, priceTicks, feeCentiBps));
    }

    /// <summary>Cancels what is left of an order that never rested (IOC, FOK, market) and remembers its id.</summary>
    private void CancelUnrested(in PaperOrder order)
    {
        OrdersCanceled++;
        Emit(ExecutionKind.Canceled, VenueRejectReason.None, in order, 0, 0, 0);
        _orders.RememberFinal(order.ClientOrderId);
    }

    private void Emit(ExecutionKind kind, VenueRejectReason reason, in PaperOrder order, long lastQuantity, long lastPriceTicks, long feeValue)
    {
        bool final = kind is ExecutionKind.Fill or ExecutionKind.Canceled or ExecutionKind.Expired or ExecutionKind.Rejected;
        var report = new ExecutionReport
        {
            Kind = kind,
            Reject = reason,
            Side = order.Side,
            InstrumentId = order.InstrumentId,
            ClientOrderId = order.ClientOrderId,
            LastQuantity = lastQuantity,
            LastPriceTicks = lastPriceTicks,
            CumulativeQuantity = order.FilledQuantity,
            LeavesQuantity = final ? 0 : order.LeavesQuantity,
            FeeValue = feeValue,
        };
        Publish(ref report);
    }

    /// <summary>
    /// The fee of a fill in value units (sub-ticks x quantity): quantity x price in sub-ticks x
    /// <paramref name="feeCentiBps"/> / 10^6, rounded up toward +infinity (a fee is never
    /// understated, a rebate never overstated). Exact integer arithmetic; no double. A fee beyond a
    /// long (value units are small at many price and quantity decimals: 92 CHF at 5 and 8) is held at
    /// long's bound rather than wrapped into a rebate.
    /// </summary>
    internal static long Fee(long quantity, long priceTicks, long feeCentiBps) =>
        feeCentiBps == 0
            ? 0
            : (long)Int128.Clamp(FixedPoint.DivideCeiling((Int128)quantity * priceTicks * feeCentiBps, CentiBpsPerUnit / OrderBook.SubTicksPerTick), long.MinValue, long.MaxValue);

    private static Side Opposite(Side side) => side == Side.Buy ? Side.Sell : Side.Buy;

    private static long MarketLimit(Side side) => side == Side.Buy ? long.MaxValue : long.MinValue;

    /// <summary>Whether a level at <paramref name="priceTicks"/> is at or better than <paramref name="limitTicks"/> for an order on <paramref name="side"/> (a buy pays at most, a sell gets at least its limit).</summary>
    private static bool IsAtOrBetter(Side side, long priceTicks, long limitTicks) =>
        side == Side.Buy ? priceTicks <= limitTicks : priceTicks >= limitTicks;
}
