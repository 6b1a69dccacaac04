using Engine.Orders;
using Engine.Risk;
using Feeds;
using Feeds.Instruments;

namespace Engine.Venues.Alpaca;

/// <summary>An <see cref="OrderCommand"/> in Alpaca's words: the body of POST /v2/orders, and the order as the ledger tracks it.</summary>
/// <remarks>Gateway thread; allocates the request's strings.</remarks>
public static class AlpacaOrderRequests
{
    /// <summary>
    /// The request for a New <paramref name="command"/>: symbol and price decimals from
    /// <paramref name="instruments"/>, decimals as exact strings, client_order_id
    /// <see cref="ClientOrderIds.Format"/>. False (with <paramref name="request"/> null) for an
    /// instrument id the table does not have or a type, side or time in force Alpaca has no name for.
    /// </summary>
    public static bool TryCreate(in OrderCommand command, InstrumentTable instruments, out AlpacaOrderRequest? request)
    {
        ArgumentNullException.ThrowIfNull(instruments);
        request = null;
        if ((uint)command.InstrumentId >= (uint)instruments.Count || command.Quantity <= 0)
        {
            return false;
        }
        string? side = command.Side switch { Side.Buy => "buy", Side.Sell => "sell", _ => null };
        string? type = command.Type switch
        {
            OrderType.Market => "market",
            OrderType.Limit => "limit",
            OrderType.Stop => "stop",
            OrderType.StopLimit => "stop_limit",
            OrderType.TrailingStop => "trailing_stop",
            _ => null,
        };
        string? timeInForce = command.TimeInForce switch
        {
            TimeInForce.Day => "day",
            TimeInForce.Gtc => "gtc",
            TimeInForce.Ioc => "ioc",
            TimeInForce.Fok => "fok",
            TimeInForce.Opg => "opg",
            TimeInForce.Cls => "cls",
            _ => null,
        };
        if (side is null || type is null || timeInForce is null)
        {
            return false;
        }
        var instrument = instruments[command.InstrumentId];
        int decimals = instrument.PriceDecimals;
        bool hasLimit = command.Type is OrderType.Limit or OrderType.StopLimit;
        bool hasStop = command.Type is OrderType.Stop or OrderType.StopLimit;
        bool hasTrail = command.Type == OrderType.TrailingStop;
        request = new AlpacaOrderRequest(
            instrument.Symbol,
            AlpacaDecimals.FormatQuantity(command.Quantity),
            side,
            type,
            timeInForce,
            ClientOrderIds.Format(command.ClientOrderId),
            LimitPrice: hasLimit ? AlpacaDecimals.FormatTicks(command.LimitPriceTicks, decimals) : null,
            StopPrice: hasStop ? AlpacaDecimals.FormatTicks(command.StopPriceTicks, decimals) : null,
            TrailPrice: hasTrail ? AlpacaDecimals.FormatTicks(command.TrailTicks, decimals) : null);
        return true;
    }

    /// <summary>The order of <paramref name="command"/> as the ledger tracks it, nothing filled.</summary>
    public static AlpacaOrderState StateOf(in OrderCommand command, InstrumentTable instruments)
    {
        ArgumentNullException.ThrowIfNull(instruments);
        int decimals = (uint)command.InstrumentId < (uint)instruments.Count ? instruments[command.InstrumentId].PriceDecimals : 0;
        return new AlpacaOrderState(command.ClientOrderId, command.InstrumentId, decimals, command.Side, command.Quantity, 0, 0, 0);
    }
}
