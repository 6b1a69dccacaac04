using Engine.Orders;
using Feeds;
using Feeds.Alpaca;
using Feeds.Instruments;

namespace Engine.Venues.Alpaca;

/// <summary>
/// An Alpaca order (from the stream or from REST) in the engine's terms: our id, instrument id,
/// side, whole quantities, and the average fill price kept exact at
/// <see cref="AveragePriceExtraDecimals"/> places beyond the instrument's ticks.
/// </summary>
/// <param name="ClientOrderId">Our id.</param>
/// <param name="InstrumentId">The instrument id.</param>
/// <param name="PriceDecimals">The instrument's price decimals.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Quantity">Quantity ordered.</param>
/// <param name="FilledQuantity">Cumulative quantity filled (Alpaca's <c>filled_qty</c>).</param>
/// <param name="FilledAveragePriceScaled">Alpaca's <c>filled_avg_price</c> in units of 10^-(decimals + extra); 0 when absent.</param>
/// <param name="AveragePriceExtraDecimals">The extra places of <paramref name="FilledAveragePriceScaled"/>.</param>
public readonly record struct AlpacaOrderState(
    long ClientOrderId,
    int InstrumentId,
    int PriceDecimals,
    Side Side,
    long Quantity,
    long FilledQuantity,
    long FilledAveragePriceScaled,
    int AveragePriceExtraDecimals)
{
    /// <summary>Places kept beyond a tick in an average price, at most (a long still holds $10^8 at 4 + 6 places).</summary>
    public const int MaxAveragePriceExtraDecimals = 6;

    /// <summary>Reads <paramref name="order"/>; anything but <see cref="AlpacaOrderParse.Ok"/> leaves <paramref name="state"/> default.</summary>
    public static AlpacaOrderParse TryParse(AlpacaOrder order, InstrumentTable instruments, out AlpacaOrderState state)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(instruments);
        state = default;
        if (!ClientOrderIds.TryParse(order.ClientOrderId, out long clientOrderId))
        {
            return AlpacaOrderParse.Foreign;
        }
        if (string.IsNullOrEmpty(order.Symbol) || !instruments.TryGetId(order.Symbol, out int id))
        {
            return AlpacaOrderParse.UnknownSymbol;
        }
        var side = order.Side switch
        {
            "buy" => Side.Buy,
            "sell" => Side.Sell,
            _ => Side.None,
        };
        int decimals = instruments[id].PriceDecimals;
        int extra = Math.Min(MaxAveragePriceExtraDecimals, DecimalText.MaxDecimals - decimals);
        // The source-generated reader leaves a field Alpaca sent as null null, whatever its default says.
        string? filledText = order.FilledQty;
        if (side == Side.None || !AlpacaDecimals.TryParseTicksRounded(order.Qty, 0, out long quantity, out bool qtyRounded)
            || !AlpacaDecimals.TryParseTicksRounded(filledText ?? "0", 0, out long filled, out bool filledRounded) || quantity <= 0 || filled < 0 || extra < 0)
        {
            return AlpacaOrderParse.Malformed;
        }
        if (qtyRounded || filledRounded)
        {
            return AlpacaOrderParse.FractionalQuantity;
        }
        long average = 0;
        if (order.FilledAvgPrice is { Length: > 0 } averageText && !AlpacaDecimals.TryParseTicksRounded(averageText, decimals + extra, out average, out _))
        {
            return AlpacaOrderParse.Malformed;
        }
        state = new AlpacaOrderState(clientOrderId, id, decimals, side, quantity, filled, average, extra);
        return AlpacaOrderParse.Ok;
    }
}
