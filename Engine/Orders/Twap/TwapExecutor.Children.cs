using Engine.Risk;
using Feeds;

namespace Engine.Orders.Twap;

/// <summary>The children of <see cref="TwapExecutor"/>: sending, following through the order table, cancelling, pricing.</summary>
public sealed partial class TwapExecutor
{
    private void SendChild(int slice, long quantity, long expiresAtNs)
    {
        long priceTicks = 0;
        var refused = RiskRejectReason.None;
        if (_childType == TwapChildType.Limit && !TryPriceLimit(out priceTicks))
        {
            refused = RiskRejectReason.NoLiquidity;
        }
        long id = _ids.Next();
        if (refused == RiskRejectReason.None)
        {
            var type = _childType == TwapChildType.Limit ? OrderType.Limit : OrderType.Market;
            var intent = new OrderIntent(id, _instrumentId, _side, type, _childTimeInForce, quantity, LimitPriceTicks: priceTicks, ParentId: ParentId);
            refused = _risk.Submit(in intent).Reason;
        }
        int index = _childCount++;
        _children[index] = new TwapChild
        {
            ClientOrderId = id,
            Slice = slice,
            Quantity = quantity,
            LimitPriceTicks = priceTicks,
            Status = refused == RiskRejectReason.None ? OrderStatus.PendingNew : OrderStatus.Rejected,
            RefusedBy = refused,
            ExpiresAtNs = expiresAtNs,
        };
        if (refused == RiskRejectReason.None)
        {
            _open[_openCount++] = index;
            _working += quantity;
            ChildrenSent++;
        }
        else
        {
            ChildrenRefused++;
        }
        Revision++;
    }

    /// <summary>Reads every open child back from the order table: fills, status, end; recounts the working quantity.</summary>
    private void FollowChildren()
    {
        var orders = _orders;
        long working = 0;
        int i = 0;
        while (i < _openCount)
        {
            ref var child = ref _children[_open[i]];
            int slot = orders.Find(child.ClientOrderId);
            if (slot < 0)
            {
                if (child.Seen)
                {
                    // Its slot went to a newer order before this tick saw it end: fills since the last
                    // look are unknown, so its unfilled quantity is never sent again.
                    child.Lost = true;
                    _lostQuantity += Math.Max(0, child.Quantity - child.FilledQuantity);
                }
                else
                {
                    // Approved by risk but never added by the router (its order table was full).
                    child.Status = OrderStatus.Rejected;
                }
                _open[i] = _open[--_openCount];
                Revision++;
                continue;
            }
            ref readonly var order = ref orders[slot];
            child.Seen = true;
            if (order.FilledQuantity != child.FilledQuantity)
            {
                _filled += order.FilledQuantity - child.FilledQuantity;
                _filledValueTicks += order.FilledValueTicks - child.FilledValueTicks;
                child.FilledQuantity = order.FilledQuantity;
                child.FilledValueTicks = order.FilledValueTicks;
                Revision++;
            }
            if (child.Status != order.Status)
            {
                child.Status = order.Status;
                Revision++;
            }
            if (OrderTransitions.IsFinal(order.Status))
            {
                _open[i] = _open[--_openCount];
                continue;
            }
            working += Math.Max(0, child.Quantity - child.FilledQuantity);
            i++;
        }
        if (working != _working)
        {
            _working = working;
            Revision++;
        }
    }

    /// <summary>The child with <paramref name="clientOrderId"/>, or -1: ids grow with each child, so a binary search.</summary>
    private int FindChild(long clientOrderId)
    {
        int lo = 0;
        int hi = _childCount - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            long id = _children[mid].ClientOrderId;
            if (id == clientOrderId)
            {
                return mid;
            }
            if (id < clientOrderId)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return -1;
    }

    /// <summary>Marks for cancelling the open children whose slice is over.</summary>
    private void ExpireChildren(long nowNs)
    {
        for (int i = 0; i < _openCount; i++)
        {
            ref var child = ref _children[_open[i]];
            if (!child.CancelWanted && nowNs >= child.ExpiresAtNs)
            {
                child.CancelWanted = true;
                Revision++;
            }
        }
    }

    /// <summary>Submits a cancel for each open child marked for cancelling that the router has and is not cancelling yet, at most once per retry interval.</summary>
    private void CancelWantedChildren(long nowNs)
    {
        for (int i = 0; i < _openCount; i++)
        {
            ref var child = ref _children[_open[i]];
            if (!child.CancelWanted || !child.Seen || child.Status == OrderStatus.PendingCancel || nowNs < child.CancelAtNs)
            {
                continue;
            }
            var cancel = new OrderIntent(child.ClientOrderId, _instrumentId, _side, OrderType.None, TimeInForce.None, 0, IsCancel: true, ParentId: ParentId);
            child.CancelAtNs = nowNs + _cancelRetryNs;
            CancelRequests++;
            Revision++;
            if (!_risk.Submit(in cancel).Approved)
            {
                CancelsRefused++;
            }
        }
    }

    /// <summary>The limit price: the reference touch moved by the offset toward the other side, held within the cap, rounded to the instrument's price grid toward the passive side.</summary>
    private bool TryPriceLimit(out long priceTicks)
    {
        bool buy = _side == Side.Buy;
        var touchSide = (_limitReference == TwapLimitReference.Far) == buy ? Side.Sell : Side.Buy;
        if (!_books[_instrumentId].TryGetBest(touchSide, out var touch))
        {
            priceTicks = 0;
            return false;
        }
        long price = touch.PriceTicks + (buy ? _limitOffsetTicks : -_limitOffsetTicks);
        if (_limitCapTicks != 0)
        {
            price = buy ? Math.Min(price, _limitCapTicks) : Math.Max(price, _limitCapTicks);
        }
        // Toward the passive side: a buy rounds down, a sell up.
        price = _risk.Engine.Limits.Rules[_instrumentId].RoundToGrid(price, up: !buy);
        priceTicks = price;
        return price > 0;
    }
}
