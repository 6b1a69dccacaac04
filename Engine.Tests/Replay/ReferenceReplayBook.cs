using Engine.Replay;
using Feeds;

namespace Engine.Tests.Replay;

/// <summary>
/// A plain order-by-order book behind the replay's <see cref="IReplayBook"/> seam: dictionaries and
/// sorted levels, no care for speed. It proves the seam and gives the replay's book figures an
/// independent reference.
/// </summary>
internal sealed class ReferenceReplayBook : IReplayBook
{
    private readonly Dictionary<long, (int Instrument, Side Side, long Price, long Quantity)> _orders = [];
    private readonly Dictionary<(int Instrument, Side Side), SortedDictionary<long, long>> _levels = [];

    public long UnknownReferences { get; private set; }

    public void Apply(ref MarketDataEvent e)
    {
        switch (e.Kind)
        {
            case MarketDataKind.Add:
                _orders[e.OrderId] = (e.InstrumentId, e.Side, e.PriceTicks, e.Quantity);
                Change(e.InstrumentId, e.Side, e.PriceTicks, e.Quantity);
                break;
            case MarketDataKind.Execute or MarketDataKind.Cancel:
                if (Known(e.OrderId, out var order))
                {
                    long taken = Math.Min(order.Quantity, e.Quantity);
                    Change(order.Instrument, order.Side, order.Price, -taken);
                    if (order.Quantity == taken)
                    {
                        _orders.Remove(e.OrderId);
                    }
                    else
                    {
                        _orders[e.OrderId] = order with { Quantity = order.Quantity - taken };
                    }
                }
                break;
            case MarketDataKind.Delete or MarketDataKind.Replace:
                if (Known(e.OrderId, out order))
                {
                    Change(order.Instrument, order.Side, order.Price, -order.Quantity);
                    _orders.Remove(e.OrderId);
                    if (e.Kind == MarketDataKind.Replace)
                    {
                        _orders[e.NewOrderId] = (order.Instrument, order.Side, e.PriceTicks, e.Quantity);
                        Change(order.Instrument, order.Side, e.PriceTicks, e.Quantity);
                    }
                }
                break;
        }
    }

    public ReplayBookTop Top(int instrumentId)
    {
        var bids = Levels(instrumentId, Side.Buy);
        var asks = Levels(instrumentId, Side.Sell);
        var bid = bids.Count > 0 ? bids.Last() : default;
        var ask = asks.Count > 0 ? asks.First() : default;
        return new ReplayBookTop(bid.Key, bid.Value, ask.Key, ask.Value);
    }

    private bool Known(long orderId, out (int Instrument, Side Side, long Price, long Quantity) order)
    {
        if (_orders.TryGetValue(orderId, out order))
        {
            return true;
        }
        UnknownReferences++;
        return false;
    }

    private SortedDictionary<long, long> Levels(int instrument, Side side)
    {
        if (!_levels.TryGetValue((instrument, side), out var levels))
        {
            levels = [];
            _levels[(instrument, side)] = levels;
        }
        return levels;
    }

    private void Change(int instrument, Side side, long price, long delta)
    {
        var levels = Levels(instrument, side);
        long size = levels.GetValueOrDefault(price) + delta;
        if (size == 0)
        {
            levels.Remove(price);
        }
        else
        {
            levels[price] = size;
        }
    }
}
